using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>addrtype (libxt_addrtype.c print): <c>ADDRTYPE match src-type !LOCAL dst-type UNICAST limit-in limit-out</c>.</summary>
internal static class AddrtypeMatchText
{
    private static readonly Parser<IEnumerable<ListingArgument>> Item =
        (from _ in Keyword("src-type") from value in Word let split = SplitBang(value) select Option(split.Negated, "--src-type", split.Value))
        .Or(from _ in Keyword("dst-type") from value in Word let split = SplitBang(value) select Option(split.Negated, "--dst-type", split.Value))
        .Or(Keyword("limit-in").Return(Option(false, "--limit-iface-in")))
        .Or(Keyword("limit-out").Return(Option(false, "--limit-iface-out")));

    public static readonly Parser<ListingPiece> Parser =
        from _ in Keywords("ADDRTYPE match")
        from items in Item.AtLeastOnce()
        select ListingPiece.Match("addrtype", items.SelectMany(i => i).ToArray());
}
