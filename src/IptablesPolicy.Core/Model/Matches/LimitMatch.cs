using System.Globalization;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m limit</c>: a token-bucket rate limit shared by every packet the rule sees.</summary>
public sealed class LimitMatch : Match
{
    internal LimitMatch(IReadOnlyList<ExtensionOption> options)
        : base("limit", options, isKnown: true)
    {
    }

    /// <summary>The average rate as iptables-save prints it (<c>3/hour</c>, <c>10/sec</c>).</summary>
    public string RateText => Option("--limit")?.Value ?? string.Empty;

    /// <summary>The average rate in packets per second (<c>3/hour</c> is 1/1200).</summary>
    public double PacketsPerSecond => PrintedRates.PerSecond(RateText) ?? 0;

    /// <summary>How many packets may pass at once before the rate applies (<c>--limit-burst</c>, 5 by default).</summary>
    public int Burst => Option("--limit-burst")?.Value is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 5;
}
