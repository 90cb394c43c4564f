using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// The ICMP and ICMPv6 type names iptables knows (libxt_icmp.h) and how it reads <c>--icmp-type</c> and
/// <c>--icmpv6-type</c>: a name or a unique abbreviation of one (any case), or <c>TYPE[/CODE[:CODE]]</c>.
/// </summary>
internal sealed class IcmpTypeNames
{
    /// <summary>The ICMP (IPv4) names.</summary>
    public static IcmpTypeNames IPv4 { get; } = new("ICMP",
    [
        ("any", 0xFF, 0, 0xFF), ("echo-reply", 0, 0, 0xFF), ("pong", 0, 0, 0xFF),
        ("destination-unreachable", 3, 0, 0xFF), ("network-unreachable", 3, 0, 0), ("host-unreachable", 3, 1, 1),
        ("protocol-unreachable", 3, 2, 2), ("port-unreachable", 3, 3, 3), ("fragmentation-needed", 3, 4, 4),
        ("source-route-failed", 3, 5, 5), ("network-unknown", 3, 6, 6), ("host-unknown", 3, 7, 7),
        ("network-prohibited", 3, 9, 9), ("host-prohibited", 3, 10, 10), ("TOS-network-unreachable", 3, 11, 11),
        ("TOS-host-unreachable", 3, 12, 12), ("communication-prohibited", 3, 13, 13),
        ("host-precedence-violation", 3, 14, 14), ("precedence-cutoff", 3, 15, 15), ("source-quench", 4, 0, 0xFF),
        ("redirect", 5, 0, 0xFF), ("network-redirect", 5, 0, 0), ("host-redirect", 5, 1, 1),
        ("TOS-network-redirect", 5, 2, 2), ("TOS-host-redirect", 5, 3, 3), ("echo-request", 8, 0, 0xFF),
        ("ping", 8, 0, 0xFF), ("router-advertisement", 9, 0, 0xFF), ("router-solicitation", 10, 0, 0xFF),
        ("time-exceeded", 11, 0, 0xFF), ("ttl-exceeded", 11, 0, 0xFF), ("ttl-zero-during-transit", 11, 0, 0),
        ("ttl-zero-during-reassembly", 11, 1, 1), ("parameter-problem", 12, 0, 0xFF), ("ip-header-bad", 12, 0, 0),
        ("required-option-missing", 12, 1, 1), ("timestamp-request", 13, 0, 0xFF), ("timestamp-reply", 14, 0, 0xFF),
        ("info-request", 15, 0, 0xFF), ("info-reply", 16, 0, 0xFF), ("address-mask-request", 17, 0, 0xFF),
        ("address-mask-reply", 18, 0, 0xFF),
    ]);

    /// <summary>The ICMPv6 names.</summary>
    public static IcmpTypeNames IPv6 { get; } = new("ICMPv6",
    [
        ("destination-unreachable", 1, 0, 0xFF), ("no-route", 1, 0, 0), ("communication-prohibited", 1, 1, 1),
        ("beyond-scope", 1, 2, 2), ("address-unreachable", 1, 3, 3), ("port-unreachable", 1, 4, 4),
        ("failed-policy", 1, 5, 5), ("reject-route", 1, 6, 6), ("packet-too-big", 2, 0, 0xFF),
        ("time-exceeded", 3, 0, 0xFF), ("ttl-exceeded", 3, 0, 0xFF), ("ttl-zero-during-transit", 3, 0, 0),
        ("ttl-zero-during-reassembly", 3, 1, 1), ("parameter-problem", 4, 0, 0xFF), ("bad-header", 4, 0, 0),
        ("unknown-header-type", 4, 1, 1), ("unknown-option", 4, 2, 2), ("echo-request", 128, 0, 0xFF),
        ("ping", 128, 0, 0xFF), ("echo-reply", 129, 0, 0xFF), ("pong", 129, 0, 0xFF),
        ("mld-listener-query", 130, 0, 0xFF), ("mld-listener-report", 131, 0, 0xFF),
        ("mld-listener-done", 132, 0, 0xFF), ("mld-listener-reduction", 132, 0, 0xFF),
        ("router-solicitation", 133, 0, 0xFF), ("router-advertisement", 134, 0, 0xFF),
        ("neighbour-solicitation", 135, 0, 0xFF), ("neighbor-solicitation", 135, 0, 0xFF),
        ("neighbour-advertisement", 136, 0, 0xFF), ("neighbor-advertisement", 136, 0, 0xFF),
        ("redirect", 137, 0, 0xFF),
    ]);

    private readonly string protocol;
    private readonly (string Name, int Type, int CodeMin, int CodeMax)[] names;

    private IcmpTypeNames(string protocol, (string, int, int, int)[] names)
    {
        this.protocol = protocol;
        this.names = names;
    }

    /// <summary>Parses a type as <c>__ipt_parse_icmp</c> does: (type, first code, last code), or null after reporting why.</summary>
    public (int Type, int CodeMin, int CodeMax)? Parse(string text, ExtensionContext context)
    {
        var match = -1;
        for (var i = 0; i < names.Length; i++)
        {
            if (!names[i].Name.StartsWith(text, StringComparison.OrdinalIgnoreCase))
                continue;
            if (match >= 0)
            {
                context.Fail($"ambiguous {protocol} type '{text}': '{names[match].Name}' or '{names[i].Name}'?");
                return null;
            }
            match = i;
        }
        if (match >= 0)
            return (names[match].Type, names[match].CodeMin, names[match].CodeMax);
        var slash = text.IndexOf('/');
        var types = ParseRange(slash < 0 ? text : text[..slash]);
        if (types is null)
        {
            context.Fail($"unknown {protocol} type '{text}': expected a type name or TYPE[/CODE] with numbers from 0 to 255");
            return null;
        }
        if (types.Value.First != types.Value.Last)
        {
            context.Fail($"{protocol} type range '{text}' is not supported: expected one type");
            return null;
        }
        if (slash < 0)
            return (types.Value.First, 0, 0xFF);
        var codes = ParseRange(text[(slash + 1)..]);
        if (codes is null)
        {
            context.Fail($"unknown {protocol} code in '{text}': expected TYPE/CODE or TYPE/FIRST:LAST with numbers from 0 to 255");
            return null;
        }
        return (types.Value.First, codes.Value.First, codes.Value.Last);
    }

    /// <summary>
    /// The save form (<c>8</c>, <c>3/4</c>, <c>any</c>) of a name exactly as a listing prints it, or null when
    /// it is no name of this family (listings print whole names, so no abbreviations here).
    /// </summary>
    public string? SaveFormOf(string name)
    {
        foreach (var (known, type, min, max) in names)
        {
            if (known == name)
                return Render(type, min, max, anyName: ReferenceEquals(this, IPv4));
        }
        return null;
    }

    /// <summary>The name iptables lists for a type and code range, or null when it has none.</summary>
    public string? NameOf(int type, int codeMin, int codeMax)
    {
        foreach (var (name, t, min, max) in names)
        {
            if (t == type && min == codeMin && max == codeMax)
                return name;
        }
        return null;
    }

    // parse_range: N or N:M, numbers up to 255 (a second number below the first is kept as typed).
    private static (int First, int Last)? ParseRange(string text)
    {
        var colon = text.IndexOf(':');
        if (!TryByte(colon < 0 ? text : text[..colon], out var first))
            return null;
        if (colon < 0)
            return (first, first);
        return TryByte(text[(colon + 1)..], out var last) ? (first, last) : null;
    }

    private static bool TryByte(string text, out int value)
    {
        value = 0;
        if (!Numbers.TryParse(text, out var number) || number > 255)
            return false;
        value = (int)number;
        return true;
    }

    /// <summary>Renders a type and code as icmp_save prints it (<c>any</c> only for IPv4): <c>8</c>, <c>3/1</c>.</summary>
    public static string Render(int type, int codeMin, int codeMax, bool anyName) =>
        anyName && type == 0xFF && codeMin == 0 && codeMax == 0xFF
            ? "any"
            : codeMin != 0 || codeMax != 0xFF
                ? string.Create(CultureInfo.InvariantCulture, $"{type}/{codeMin}")
                : type.ToString(CultureInfo.InvariantCulture);
}
