using System.Globalization;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m hashlimit</c>: a rate limit kept per group of packets (per source address, per destination
/// port...), in packets or bytes. It matches packets under the rate (<c>--hashlimit-upto</c>) or over it
/// (<c>--hashlimit-above</c>).
/// </summary>
public sealed class HashlimitMatch : Match
{
    internal HashlimitMatch(IReadOnlyList<ExtensionOption> options)
        : base("hashlimit", options, isKnown: true)
    {
    }

    /// <summary>True for <c>--hashlimit-above</c>: the rule matches packets beyond the rate.</summary>
    public bool MatchesAbove => Option("--hashlimit-above") is not null;

    /// <summary>The rate as iptables-save prints it: packets (<c>40/sec</c>) or bytes (<c>4kb/s</c>).</summary>
    public string RateText => (Option("--hashlimit-upto") ?? Option("--hashlimit-above"))?.Value ?? string.Empty;

    /// <summary>True when the rate counts bytes rather than packets.</summary>
    public bool IsByteRate => RateText.EndsWith("b/s", StringComparison.Ordinal);

    /// <summary>The rate in packets per second; null for a byte rate.</summary>
    public double? PacketsPerSecond => PrintedRates.PerSecond(RateText);

    /// <summary>The burst as iptables-save prints it: a packet count, or bytes (<c>400kb</c>); null when a byte rate has none.</summary>
    public string? BurstText => Option("--hashlimit-burst")?.Value;

    /// <summary>The packet burst for a packet rate; null for a byte rate.</summary>
    public int? Burst => !IsByteRate && BurstText is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>What groups packets: any of <c>srcip</c>, <c>srcport</c>, <c>dstip</c>, <c>dstport</c>; empty when every packet shares one bucket.</summary>
    public IReadOnlyList<string> Mode => Option("--hashlimit-mode")?.Value is { Length: > 0 } mode ? mode.Split(',') : [];

    /// <summary>The name of the hash table (<c>/proc/net/ipt_hashlimit/NAME</c>).</summary>
    public string TableName => Option("--hashlimit-name")?.Value ?? string.Empty;

    /// <summary>The prefix length source addresses are grouped by; null for whole addresses (32 or 128).</summary>
    public int? SourceMask => Number("--hashlimit-srcmask");

    /// <summary>The prefix length destination addresses are grouped by; null for whole addresses (32 or 128).</summary>
    public int? DestinationMask => Number("--hashlimit-dstmask");

    private int? Number(string option) => Option(option)?.Value is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
