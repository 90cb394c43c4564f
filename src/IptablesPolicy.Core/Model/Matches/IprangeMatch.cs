using System.Net;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m iprange</c>: inclusive ranges of source and destination addresses, for ranges no CIDR network expresses.</summary>
public sealed class IprangeMatch : Match
{
    internal IprangeMatch(IReadOnlyList<ExtensionOption> options)
        : base("iprange", options, isKnown: true)
    {
    }

    /// <summary>The source addresses (<c>--src-range</c>), first and last included; null when the rule does not test them.</summary>
    public Negatable<(IPAddress First, IPAddress Last)>? SourceRange => Range("--src-range");

    /// <summary>The destination addresses (<c>--dst-range</c>), first and last included; null when the rule does not test them.</summary>
    public Negatable<(IPAddress First, IPAddress Last)>? DestinationRange => Range("--dst-range");

    private Negatable<(IPAddress First, IPAddress Last)>? Range(string option)
    {
        if (Option(option) is not { Value: { } text } o)
            return null;
        // Canonical text is FIRST-LAST; IPv6 addresses hold colons but no dash.
        var dash = text.IndexOf('-');
        return IPAddress.TryParse(text.AsSpan(0, dash), out var first) && IPAddress.TryParse(text.AsSpan(dash + 1), out var last)
            ? new((first, last), o.IsNegated)
            : null;
    }
}
