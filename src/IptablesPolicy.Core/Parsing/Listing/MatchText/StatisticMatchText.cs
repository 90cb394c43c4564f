using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// statistic (libxt_statistic.c print): <c>statistic mode random probability 0.50000000000</c>,
/// <c>statistic mode nth ! every 3 packet 1</c> (packet is left out when 0; iptables-save always prints it).
/// </summary>
internal static class StatisticMatchText
{
    public static readonly Parser<ListingPiece> Parser = Random.Or(Nth);

    private static Parser<ListingPiece> Random =>
        from _ in Keywords("statistic mode random")
        from negated in Bang
        from probability in Keyword("probability").Then(_ => Word)
        select ListingPiece.Match("statistic", ["--mode", "random", .. Option(negated, "--probability", probability)]);

    private static Parser<ListingPiece> Nth =>
        from _ in Keywords("statistic mode nth")
        from negated in Bang
        from every in Keyword("every").Then(_ => Word)
        from packet in Keyword("packet").Then(_ => Word).Optional()
        select ListingPiece.Match("statistic", ["--mode", "nth", .. Option(negated, "--every", every), "--packet", packet.GetOrElse("0")]);
}
