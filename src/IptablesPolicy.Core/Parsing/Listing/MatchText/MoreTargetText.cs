using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// Less common targets, as their print functions write them: NFQUEUE (<c>NFQUEUE balance 0:3 bypass</c>), SET
/// (<c>add-set myset src</c>), AUDIT, DSCP (<c>DSCP set 0x2e</c>), TOS (<c>TOS set 0x10/0x3f</c>, <c>TOS setMinimize-Delay</c>),
/// TTL (<c>TTL set to 64</c>), TPROXY (<c>TPROXY redirect 10.0.0.1:8080 mark 0x1/0x1</c>), NETMAP (<c>to:5.6.7.0/24</c>).
/// </summary>
internal static class MoreTargetText
{
    public static readonly Parser<ListingPiece> Nfqueue =
        from _ in Keyword("NFQUEUE")
        from items in (from n in Keyword("num") from value in Word select Option(false, "--queue-num", value))
            .Or(from n in Keyword("balance") from value in Word select Option(false, "--queue-balance", value))
            .Or(Keyword("bypass").Return(Option(false, "--queue-bypass")))
            .Or(Keyword("cpu-fanout").Return(Option(false, "--queue-cpu-fanout")))
            .Or(Keyword("fail-open").Return(Option(false, "--fail-open")))
            .AtLeastOnce()
        select ListingPiece.TargetOptions(items.SelectMany(i => i).ToArray());

    public static readonly Parser<ListingPiece> Set =
        from items in (from operation in Keyword("add-set").Or(Keyword("del-set")).Or(Keyword("map-set"))
                       from name in Word
                       from flags in Word
                       select Option(false, "--" + operation, name, flags))
            .Or(Keyword("exist").Return(Option(false, "--exist")))
            .Or(from t in Keyword("timeout") from value in Word select Option(false, "--timeout", value))
            .AtLeastOnce()
        select ListingPiece.TargetOptions(items.SelectMany(i => i).ToArray());

    public static readonly Parser<ListingPiece> Audit =
        from _ in Keyword("AUDIT")
        from type in Word
        select ListingPiece.TargetOptions("--type", type);

    public static readonly Parser<ListingPiece> Dscp =
        from _ in Keywords("DSCP set")
        from value in Word
        select ListingPiece.TargetOptions("--set-dscp", value);

    private static readonly Dictionary<string, string> TosNames = new(StringComparer.Ordinal)
    {
        ["Minimize-Delay"] = "0x10/0x3f", ["Maximize-Throughput"] = "0x08/0x3f", ["Maximize-Reliability"] = "0x04/0x3f",
        ["Minimize-Cost"] = "0x02/0x3f", ["Normal-Service"] = "0x00/0x3f",
    };

    // "TOS set 0x10/0x3f" under -n, "TOS setMinimize-Delay" by name (libxt_TOS.c prints no space before a name).
    public static readonly Parser<ListingPiece> Tos =
        from _ in Keyword("TOS")
        from value in Keyword("set").Then(_ => Word).Or(Prefixed("set"))
        let tos = TosNames.GetValueOrDefault(value) ?? (value.StartsWith("0x", StringComparison.Ordinal) ? value : null)
        where tos is not null
        select ListingPiece.TargetOptions("--set-tos", tos!);

    public static readonly Parser<ListingPiece> Ttl =
        from _ in Keyword("TTL")
        from option in Keywords("set to").Return("--ttl-set").Or(Keywords("increment by").Return("--ttl-inc")).Or(Keywords("decrement by").Return("--ttl-dec"))
        from value in Word
        select ListingPiece.TargetOptions(option, value);

    public static readonly Parser<ListingPiece> Tproxy =
        from _ in Keywords("TPROXY redirect")
        from endpoint in Word
        let colon = endpoint.LastIndexOf(':')
        where colon > 0
        from mark in Keyword("mark").Then(_ => Word).Optional()
        select ListingPiece.TargetOptions(
        [
            "--on-port", endpoint[(colon + 1)..],
            .. endpoint[..colon] is "0.0.0.0" or "::" ? [] : Option(false, "--on-ip", endpoint[..colon].Trim('[', ']')),
            .. mark.IsDefined ? Option(false, "--tproxy-mark", mark.Get()) : [],
        ]);

    public static readonly Parser<ListingPiece> Netmap =
        from to in Prefixed("to:")
        select ListingPiece.TargetOptions("--to", to);
}
