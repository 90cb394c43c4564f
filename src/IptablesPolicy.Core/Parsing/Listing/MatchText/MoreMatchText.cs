using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// Less common matches, as their print functions write them: connlimit (<c>#conn src/32 &gt; 10</c>), dscp
/// (<c>DSCP match !0x0a</c>), tos (<c>tos match Minimize-Delay</c>, <c>tos match0x10/0x3f</c>), ttl
/// (<c>TTL match TTL == 64</c>), hl (<c>HL match HL == 255</c>), connbytes, socket, policy, esp (<c>esp spi:100</c>), quota, devgroup, cpu,
/// u32 and tcpmss (<c>tcpmss match 1000:1500</c>).
/// </summary>
internal static class MoreMatchText
{
    public static readonly Parser<ListingPiece> Connlimit =
        from _ in Keyword("#conn")
        from side in Word
        let slash = side.IndexOf('/')
        where slash > 0 && side[..slash] is "src" or "dst"
        from comparison in Keyword(">").Return("--connlimit-above").Or(Keyword("<=").Return("--connlimit-upto"))
        from limit in Word
        select ListingPiece.Match("connlimit", comparison, limit, "--connlimit-mask", side[(slash + 1)..], side[..slash] == "src" ? "--connlimit-saddr" : "--connlimit-daddr");

    public static readonly Parser<ListingPiece> Dscp =
        from _ in Keywords("DSCP match")
        from value in Word
        let split = SplitBang(value)
        select ListingPiece.Match("dscp", Option(split.Negated, "--dscp", split.Value).ToArray());

    private static readonly Dictionary<string, string> TosNames = new(StringComparer.Ordinal)
    {
        ["Minimize-Delay"] = "0x10/0x3f", ["Maximize-Throughput"] = "0x08/0x3f", ["Maximize-Reliability"] = "0x04/0x3f",
        ["Minimize-Cost"] = "0x02/0x3f", ["Normal-Service"] = "0x00/0x3f",
    };

    // "tos match" is glued to a numeric value under -n: "tos match0x10/0x3f" (libxt_tos.c prints no space).
    public static readonly Parser<ListingPiece> Tos =
        from _ in Keyword("tos")
        from value in Keyword("match").Then(_ => Word).Or(Prefixed("match"))
        let split = SplitBang(value)
        let tos = TosNames.GetValueOrDefault(split.Value) ?? (split.Value.StartsWith("0x", StringComparison.Ordinal) ? split.Value : null)
        where tos is not null
        select ListingPiece.Match("tos", Option(split.Negated, "--tos", tos!).ToArray());

    public static readonly Parser<ListingPiece> Ttl =
        from _ in Keywords("TTL match TTL")
        from comparison in Word
        from value in Word
        let option = comparison switch { "==" => "--ttl-eq", "!=" => "--ttl-eq", ">" => "--ttl-gt", "<" => "--ttl-lt", _ => null }
        where option is not null
        select ListingPiece.Match("ttl", Option(comparison == "!=", option!, value).ToArray());

    // libip6t_hl.c prints "HL match HL == 255"; "!=" is saved as "! --hl-eq".
    public static readonly Parser<ListingPiece> Hl =
        from _ in Keywords("HL match HL")
        from comparison in Word
        from value in Word
        let option = comparison switch { "==" => "--hl-eq", "!=" => "--hl-eq", ">" => "--hl-gt", "<" => "--hl-lt", _ => null }
        where option is not null
        select ListingPiece.Match("hl", Option(comparison == "!=", option!, value).ToArray());

    public static readonly Parser<ListingPiece> Connbytes =
        from negated in Bang
        from range in Keyword("connbytes").Then(_ => Word)
        from mode in Keywords("connbytes mode").Then(_ => Word)
        from direction in Keywords("connbytes direction").Then(_ => Word)
        select ListingPiece.Match("connbytes", [.. Option(negated, "--connbytes", range), "--connbytes-mode", mode, "--connbytes-dir", direction]);

    public static readonly Parser<ListingPiece> Socket =
        from _ in Keyword("socket")
        from flags in Keyword("--transparent").Or(Keyword("--nowildcard")).Or(Keyword("--restore-skmark")).Many()
        select ListingPiece.Match("socket", flags.Select(f => new ListingArgument(f)).ToArray());

    private static readonly Parser<IEnumerable<ListingArgument>> PolicyItem =
        new[] { "reqid", "spi", "proto", "mode", "tunnel-dst", "tunnel-src" }
            .Select(name => from negated in Bang from __ in Keyword(name) from value in Word select Option(negated, "--" + name, name == "proto" ? ProtocolName(value) : value))
            .Aggregate((a, b) => a.Or(b))
            .Or(Keyword("strict").Return(Option(false, "--strict")))
            .Or(Keyword("next").Return(Option(false, "--next")));

    // -n prints the protocol number (proto 50); iptables-save prints its name (esp).
    private static string ProtocolName(string value) =>
        value.All(char.IsAsciiDigit) && ProtocolNames.TryParse(value, out var number) ? ProtocolNames.Canonical(number) : value;

    public static readonly Parser<ListingPiece> Policy =
        from _ in Keywords("policy match dir")
        from direction in Word
        from pol in Keyword("pol").Then(_ => Word)
        from items in PolicyItem.Many()
        select ListingPiece.Match("policy", ["--dir", direction, "--pol", pol, .. items.SelectMany(i => i)]);

    public static readonly Parser<ListingPiece> Esp =
        from _ in Keyword("esp")
        from value in Prefixed("spi:").Or(Prefixed("spis:"))
        let split = SplitBang(value)
        select ListingPiece.Match("esp", Option(split.Negated, "--espspi", split.Value).ToArray());

    public static readonly Parser<ListingPiece> Quota =
        from _ in Keyword("quota:")
        from bytes in Word
        from __ in Keyword("bytes")
        select ListingPiece.Match("quota", "--quota", bytes);

    public static readonly Parser<ListingPiece> Devgroup =
        from items in (from negated in Bang
                       from side in Keyword("src-group").Or(Keyword("dst-group"))
                       from value in Word
                       select Option(negated, "--" + side, value)).AtLeastOnce()
        select ListingPiece.Match("devgroup", items.SelectMany(i => i).ToArray());

    public static readonly Parser<ListingPiece> Cpu =
        from _ in Keyword("cpu")
        from negated in Bang
        from value in Word.Where(w => w.All(char.IsAsciiDigit))
        select ListingPiece.Match("cpu", Option(negated, "--cpu", value).ToArray());

    public static readonly Parser<ListingPiece> U32 =
        from _ in Keyword("u32")
        from negated in Bang
        from test in QuotedText
        select ListingPiece.Match("u32", [.. negated ? [new ListingArgument("!")] : Array.Empty<ListingArgument>(), "--u32", new ListingArgument(test, Quoted: true)]);

    public static readonly Parser<ListingPiece> Tcpmss =
        from _ in Keywords("tcpmss match")
        from value in Word
        let split = SplitBang(value)
        select ListingPiece.Match("tcpmss", Option(split.Negated, "--mss", split.Value).ToArray());
}
