using System.Globalization;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m statistic</c>: matches a share of packets, at random (<c>--mode random --probability P</c>) or
/// every Nth (<c>--mode nth --every N --packet P</c>). kube-proxy spreads service traffic over endpoints
/// with it.
/// </summary>
public sealed class StatisticMatch : Match
{
    internal StatisticMatch(IReadOnlyList<ExtensionOption> options)
        : base("statistic", options, isKnown: true)
    {
    }

    /// <summary><c>random</c> or <c>nth</c>.</summary>
    public string Mode => Option("--mode")?.Value ?? string.Empty;

    /// <summary>True when the rule matches the packets the mode does <em>not</em> select (<c>!</c>).</summary>
    public bool IsNegated => Option("--probability")?.IsNegated ?? Option("--every")?.IsNegated ?? false;

    /// <summary>The chance a packet matches in random mode, from 0 to 1, as the kernel stores it (to 2^-31); null in nth mode.</summary>
    public double? Probability =>
        Option("--probability")?.Value is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>In nth mode, the cycle length N: one packet in N matches; null in random mode.</summary>
    public uint? Every => Number("--every");

    /// <summary>In nth mode, the packet of each cycle that matches, from 0 to N-1; null in random mode.</summary>
    public uint? Packet => Number("--packet");

    private uint? Number(string option) =>
        Option(option)?.Value is { } text ? uint.Parse(text, CultureInfo.InvariantCulture) : null;
}
