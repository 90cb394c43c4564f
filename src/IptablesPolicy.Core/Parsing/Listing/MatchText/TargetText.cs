using System.Globalization;
using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// What target extensions print after the matches, by target name (the extensions' print functions):
/// <c>reject-with icmp-port-unreachable</c>, <c>LOG flags 0 level 4 prefix "x"</c>, <c>to:10.0.0.1:80</c>,
/// <c>masq ports: 1000-2000 random</c>, <c>MARK set 0x10</c>, <c>CONNMARK save</c>... Each gives the options
/// iptables-save prints for the target.
/// </summary>
internal static class TargetText
{
    /// <summary>The parser for a target's text, or null when the target prints nothing or is not known.</summary>
    public static Parser<ListingPiece>? For(string target) => target switch
    {
        "REJECT" => Reject,
        "LOG" => Log,
        "DNAT" => Nat("--to-destination"),
        "SNAT" => Nat("--to-source"),
        "MASQUERADE" => Ports("masq ports:"),
        "REDIRECT" => Ports("redir ports"),
        "MARK" => MarkTarget("MARK"),
        "CONNMARK" => MarkTarget("CONNMARK").Or(ConnmarkCopy),
        "NFLOG" => Nflog,
        "TCPMSS" => Tcpmss,
        "CT" => Ct.Or(Keyword("NOTRACK").Return(new ListingPiece(null, []) { RenamedTarget = "NOTRACK" })),
        "NFQUEUE" => MoreTargetText.Nfqueue,
        "SET" => MoreTargetText.Set,
        "AUDIT" => MoreTargetText.Audit,
        "DSCP" => MoreTargetText.Dscp,
        "TOS" => MoreTargetText.Tos,
        "TTL" => MoreTargetText.Ttl,
        "TPROXY" => MoreTargetText.Tproxy,
        "NETMAP" => MoreTargetText.Netmap,
        "CHECKSUM" => Keywords("CHECKSUM fill").Return(ListingPiece.TargetOptions("--checksum-fill")),
        _ => null,
    };

    private static readonly Parser<ListingPiece> Reject =
        from _ in Keyword("reject-with")
        from type in Word
        select ListingPiece.TargetOptions("--reject-with", type);

    private static readonly (int Bit, string Printed, string Option)[] LogFlags =
    [
        (0x01, "tcp-sequence", "--log-tcp-sequence"), (0x02, "tcp-options", "--log-tcp-options"),
        (0x04, "ip-options", "--log-ip-options"), (0x08, "uid", "--log-uid"), (0x20, "macdecode", "--log-macdecode"),
    ];

    private static readonly Dictionary<string, int> LogLevels = new(StringComparer.Ordinal)
    {
        ["emerg"] = 0, ["panic"] = 0, ["alert"] = 1, ["crit"] = 2, ["error"] = 3, ["err"] = 3, ["warning"] = 4, ["warn"] = 4,
        ["notice"] = 5, ["info"] = 6, ["debug"] = 7,
    };

    // Numeric (-n): "LOG flags 10 level 4"; by name: "LOG level warn tcp-options uid"; then an optional prefix "...".
    private static readonly Parser<ListingPiece> Log =
        from _ in Keyword("LOG")
        from flags in Keyword("flags").Then(_ => Word).Select(w => int.TryParse(w, out var f) ? f : -1).Optional()
        from level in Keyword("level").Then(_ => Word)
        from named in LogFlags.Select(f => Keyword(f.Printed).Return(f.Bit)).Aggregate((a, b) => a.Or(b)).Many()
        from prefix in Keyword("prefix").Then(_ => QuotedText).Optional()
        let levelNumber = int.TryParse(level, out var n) ? n : LogLevels.GetValueOrDefault(level, -1)
        let bits = flags.GetOrElse(0) | named.Aggregate(0, (a, b) => a | b)
        where levelNumber >= 0 && bits >= 0
        select ListingPiece.TargetOptions(
        [
            .. prefix.IsDefined ? [new ListingArgument("--log-prefix"), new ListingArgument(prefix.Get(), Quoted: true)] : Array.Empty<ListingArgument>(),
            .. levelNumber == 4 ? [] : Option(false, "--log-level", levelNumber.ToString(CultureInfo.InvariantCulture)),
            .. LogFlags.Where(f => (bits & f.Bit) != 0).Select(f => new ListingArgument(f.Option)),
        ]);

    private static readonly Parser<IEnumerable<ListingArgument>> NatFlag =
        Keyword("random").Return(Option(false, "--random"))
            .Or(Keyword("random-fully").Return(Option(false, "--random-fully")))
            .Or(Keyword("persistent").Return(Option(false, "--persistent")));

    private static Parser<ListingPiece> Nat(string option) =>
        from to in Prefixed("to:").Many()
        from flags in NatFlag.Many()
        where to.Any() || flags.Any()
        select ListingPiece.TargetOptions([.. to.SelectMany(t => Option(false, option, t)), .. flags.SelectMany(f => f)]);

    private static Parser<ListingPiece> Ports(string words) =>
        from ports in Keywords(words).Then(_ => Word).Optional()
        from flags in NatFlag.Many()
        where ports.IsDefined || flags.Any()
        select ListingPiece.TargetOptions([.. ports.IsDefined ? Option(false, "--to-ports", ports.Get()) : [], .. flags.SelectMany(f => f)]);

    // MARK and CONNMARK print the xset they store in the shortest way (libxt_MARK.c, libxt_CONNMARK.c).
    private static Parser<ListingPiece> MarkTarget(string name) =>
        from _ in Keyword(name)
        from operation in Keyword("set").Or(Keyword("or")).Or(Keyword("and")).Or(Keyword("xor")).Or(Keyword("xset"))
        from value in Word
        let xset = Xset(operation, value)
        where xset is not null
        select ListingPiece.TargetOptions("--set-xmark", xset!);

    private static string? Xset(string operation, string value)
    {
        if (operation == "xset")
            return value.Contains('/') ? value : null;
        if (!value.StartsWith("0x", StringComparison.Ordinal) || !uint.TryParse(value.AsSpan(2), NumberStyles.HexNumber, null, out var mark))
            return null;
        var (bits, mask) = operation switch
        {
            "set" => (mark, uint.MaxValue),
            "or" => (mark, mark),
            "and" => (0u, ~mark),
            _ => (mark, 0u),
        };
        return $"0x{bits:x}/0x{mask:x}";
    }

    // CONNMARK save / restore: "CONNMARK save", "CONNMARK save mask 0xff", "CONNMARK save nfmask 0x1 ctmask ~0x2".
    private static readonly Parser<ListingPiece> ConnmarkCopy =
        from _ in Keyword("CONNMARK")
        from operation in Keyword("save").Return("--save-mark").Or(Keyword("restore").Return("--restore-mark"))
        from masks in (from m in Keyword("mask").Then(_ => Word) select (m, m))
            .Or(from first in Keyword("nfmask").Or(Keyword("ctmask")).Then(k => Word.Select(v => (k, v)))
                from second in Keyword("nfmask").Or(Keyword("ctmask")).Then(k => Word.Select(v => (k, v.TrimStart('~'))))
                select first.k == "nfmask" ? (first.v, second.Item2) : (second.Item2, first.v))
            .Optional()
        let nf = masks.IsDefined ? masks.Get().Item1 : "0xffffffff"
        let ct = masks.IsDefined ? masks.Get().Item2 : "0xffffffff"
        select ListingPiece.TargetOptions(operation, "--nfmask", nf, "--ctmask", ct);

    private static readonly Parser<ListingPiece> Nflog =
        from items in (from prefix in Keyword("nflog-prefix").Then(_ => SaveString) select Option(false, "--nflog-prefix", prefix))
            .Or(from key in Keyword("nflog-group").Or(Keyword("nflog-range")).Or(Keyword("nflog-size")).Or(Keyword("nflog-threshold"))
                from value in Word
                select Option(false, "--" + key, value)).AtLeastOnce()
        select ListingPiece.TargetOptions(items.SelectMany(i => i).ToArray());

    private static readonly Parser<ListingPiece> Tcpmss =
        Keywords("TCPMSS clamp to PMTU").Return(ListingPiece.TargetOptions("--clamp-mss-to-pmtu"))
            .Or(from _ in Keywords("TCPMSS set") from value in Word select ListingPiece.TargetOptions("--set-mss", value));

    // CT (libxt_CT.c print): "CT notrack", "CT helper ftp ctevents new,related zone 1 timeout name".
    private static readonly Parser<ListingPiece> Ct =
        from _ in Keyword("CT")
        from items in Keyword("notrack").Return(Option(false, "--notrack"))
            .Or(new[] { "helper", "ctevents", "expevents", "zone-orig", "zone-reply", "zone", "timeout" }
                .Select(name => from __ in Keyword(name) from value in Word select Option(false, "--" + name, value))
                .Aggregate((a, b) => a.Or(b)))
            .AtLeastOnce()
        select ListingPiece.TargetOptions(items.SelectMany(i => i).ToArray());
}
