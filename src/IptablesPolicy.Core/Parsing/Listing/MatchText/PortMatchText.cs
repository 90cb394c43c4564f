using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// tcp, udp, sctp, dccp and udplite (libxt_tcp.c, libxt_udp.c print): <c>tcp</c> alone for <c>-m tcp</c> without options, <c>tcp spt:ssh</c>, <c>spts:1024:65535</c>,
/// <c>dpt:!53</c>, <c>flags:SYN,RST,ACK/SYN</c> (<c>flags:0x16/0x02</c> under <c>-n</c>), <c>option=2</c>.
/// </summary>
internal static class PortMatchText
{
    private static readonly string[] FlagNames = ["FIN", "SYN", "RST", "PSH", "ACK", "URG"];



    private static Parser<IEnumerable<ListingArgument>> Port(string prefix, string option) =>
        from value in Prefixed(prefix)
        let split = SplitBang(value)
        let ports = ListingServiceNames.Range(split.Value)
        where ports is not null
        select Option(split.Negated, option, ports!);

    private static readonly Parser<IEnumerable<ListingArgument>> Flags =
        from value in Prefixed("flags:")
        let split = SplitBang(value)
        let parts = split.Value.Split('/')
        where parts.Length == 2 && FlagList(parts[0]) is not null && FlagList(parts[1]) is not null
        select Option(split.Negated, "--tcp-flags", FlagList(parts[0])!, FlagList(parts[1])!);

    private static readonly Parser<IEnumerable<ListingArgument>> TcpOption =
        from value in Prefixed("option=")
        let split = SplitBang(value)
        select Option(split.Negated, "--tcp-option", split.Value);

    /// <summary>Flags as names (<c>SYN,ACK</c>, <c>NONE</c>, <c>ALL</c>) or as the hex <c>-n</c> prints (<c>0x12</c>).</summary>
    private static string? FlagList(string text)
    {
        if (!text.StartsWith("0x", StringComparison.Ordinal))
            return text.Split(',').All(f => FlagNames.Contains(f) || f is "NONE" or "ALL") ? text : null;
        if (!int.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out var bits) || bits > 0x3F)
            return null;
        if (bits == 0)
            return "NONE";
        return string.Join(',', FlagNames.Where((_, i) => (bits & (1 << i)) != 0));
    }


    private static readonly Parser<IEnumerable<ListingArgument>> Item =
        Port("spt:", "--sport").Or(Port("spts:", "--sport")).Or(Port("dpt:", "--dport")).Or(Port("dpts:", "--dport"))
            .Or(Flags).Or(TcpOption);

    public static readonly Parser<ListingPiece> Parser =
        from module in Keyword("tcp").Or(Keyword("udp")).Or(Keyword("sctp")).Or(Keyword("dccp")).Or(Keyword("udplite"))
        from items in Item.Many()
        select ListingPiece.Match(module, items.SelectMany(i => i).ToArray());
}
