namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// IP protocol names and numbers as iptables prints and reads them. iptables looks names up in its own
/// table first (<c>xtables_chain_protos</c> in libxtables) and then in the system's /etc/protocols; we
/// carry the IANA keywords that Debian's netbase ships so the result does not depend on the machine.
/// </summary>
internal static class ProtocolNames
{
    // xtables_chain_protos, in its order: the first name of a number is the one iptables-save prints.
    private static readonly (string Name, int Number)[] IptablesNames =
    [
        ("tcp", 6), ("sctp", 132), ("udp", 17), ("udplite", 136), ("icmp", 1), ("ipv6-icmp", 58),
        ("icmpv6", 58), ("esp", 50), ("ah", 51), ("mobility-header", 135), ("ipv6-mh", 135), ("mh", 135),
        ("dccp", 33), ("ipcomp", 108), ("all", 0),
    ];

    // IANA protocol keywords as /etc/protocols lists them (numbers are facts of the IANA registry).
    private static readonly (string Name, int Number)[] IanaNames =
    [
        ("ip", 0),
        ("hopopt", 0),
        ("icmp", 1),
        ("igmp", 2),
        ("ggp", 3),
        ("ipencap", 4),
        ("st", 5),
        ("tcp", 6),
        ("egp", 8),
        ("igp", 9),
        ("pup", 12),
        ("udp", 17),
        ("hmp", 20),
        ("xns-idp", 22),
        ("rdp", 27),
        ("iso-tp4", 29),
        ("dccp", 33),
        ("xtp", 36),
        ("ddp", 37),
        ("idpr-cmtp", 38),
        ("ipv6", 41),
        ("ipv6-route", 43),
        ("ipv6-frag", 44),
        ("idrp", 45),
        ("rsvp", 46),
        ("gre", 47),
        ("esp", 50),
        ("ah", 51),
        ("skip", 57),
        ("ipv6-icmp", 58),
        ("ipv6-nonxt", 59),
        ("ipv6-opts", 60),
        ("rspf", 73),
        ("vmtp", 81),
        ("eigrp", 88),
        ("ospf", 89),
        ("ax.25", 93),
        ("ipip", 94),
        ("etherip", 97),
        ("encap", 98),
        ("pim", 103),
        ("ipcomp", 108),
        ("vrrp", 112),
        ("l2tp", 115),
        ("isis", 124),
        ("sctp", 132),
        ("fc", 133),
        ("mobility-header", 135),
        ("udplite", 136),
        ("mpls-in-ip", 137),
        ("manet", 138),
        ("hip", 139),
        ("shim6", 140),
        ("wesp", 141),
        ("rohc", 142),
        ("ethernet", 143),
    ];

    private static readonly Dictionary<int, string> NameByNumber = BuildNameByNumber();
    private static readonly Dictionary<string, int> NumberByName = BuildNumberByName();

    /// <summary>The name iptables-save prints for a protocol number, or the number itself when it has no name.</summary>
    public static string Canonical(int number) => NameByNumber.TryGetValue(number, out var name) ? name : number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a protocol as <c>-p</c> takes it: a name (any case) or a number from 0 to 255.</summary>
    public static bool TryParse(string text, out int number)
    {
        if (text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9'))
            return int.TryParse(text, out number) && number <= 255;
        return NumberByName.TryGetValue(text, out number);
    }

    private static Dictionary<int, string> BuildNameByNumber()
    {
        var map = new Dictionary<int, string>();
        foreach (var (name, number) in IptablesNames.Concat(IanaNames))
            map.TryAdd(number, name);
        return map;
    }

    private static Dictionary<string, int> BuildNumberByName()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, number) in IptablesNames.Concat(IanaNames))
            map.TryAdd(name, number);
        return map;
    }
}
