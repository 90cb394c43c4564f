using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// Matches that print one value: pkttype (<c>PKTTYPE = broadcast</c>, <c>PKTTYPE != multicast</c>), mac
/// (<c>MAC [!] 00:11:22:33:44:55</c>), length (<c>length !100:200</c>), physdev (<c>PHYSDEV match [!] --physdev-in eth0</c>,
/// printed with its option names), string (<c>STRING match  [!] "abc" ALGO name bm FROM 10 TO 20 ICASE</c>).
/// </summary>
internal static class SimpleMatchText
{
    public static readonly Parser<ListingPiece> Pkttype =
        from _ in Keyword("PKTTYPE")
        from negated in Keyword("=").Return(false).Or(Keyword("!=").Return(true))
        from type in Word
        select ListingPiece.Match("pkttype", Option(negated, "--pkt-type", type).ToArray());

    public static readonly Parser<ListingPiece> Mac =
        from _ in Keyword("MAC")
        from negated in Bang
        from address in Word
        let split = SplitBang(address)
        where split.Value.Count(c => c == ':') == 5
        select ListingPiece.Match("mac", Option(negated || split.Negated, "--mac-source", split.Value).ToArray());

    public static readonly Parser<ListingPiece> Length =
        from _ in Keyword("length")
        from value in Word
        let split = SplitBang(value)
        where split.Value.Length > 0 && char.IsAsciiDigit(split.Value[0])
        select ListingPiece.Match("length", Option(split.Negated, "--length", split.Value).ToArray());

    private static readonly Parser<IEnumerable<ListingArgument>> PhysdevItem =
        from negated in Bang
        from option in Word.Where(w => w.StartsWith("--physdev-", StringComparison.Ordinal))
        from value in option is "--physdev-in" or "--physdev-out" ? Word.Select(w => (string?)w) : Parse.Return<string?>(null)
        select value is null ? Option(negated, option) : Option(negated, option, value);

    public static readonly Parser<ListingPiece> Physdev =
        from _ in Keywords("PHYSDEV match")
        from items in PhysdevItem.AtLeastOnce()
        select ListingPiece.Match("physdev", items.SelectMany(i => i).ToArray());

    public static readonly Parser<ListingPiece> String =
        from _ in Keywords("STRING match")
        from negated in Bang
        from text in QuotedText
        from algo in Keywords("ALGO name").Then(_ => Word)
        from start in Keyword("FROM").Then(_ => Word).Optional()
        from to in Keyword("TO").Then(_ => Word).Optional()
        from icase in Keyword("ICASE").Optional()
        select ListingPiece.Match("string",
        [
            .. Option(negated, "--string", text).Select(a => a.Text == text ? new ListingArgument(text, Quoted: true) : a),
            "--algo", algo,
            .. start.IsDefined ? Option(false, "--from", start.Get()) : [],
            .. to.IsDefined ? Option(false, "--to", to.Get()) : [],
            .. icase.IsDefined ? Option(false, "--icase") : [],
        ]);
}
