using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>iprange (libxt_iprange.c print): <c>source IP range [!] A-B</c>, <c>destination IP range [!] A-B</c>.</summary>
internal static class IprangeMatchText
{
    private static Parser<IEnumerable<ListingArgument>> Range(string words, string option) =>
        from _ in Keywords(words)
        from negated in Bang
        from range in Word
        where range.Contains('-')
        select Option(negated, option, range);

    public static readonly Parser<ListingPiece> Parser =
        from items in Range("source IP range", "--src-range").Or(Range("destination IP range", "--dst-range")).AtLeastOnce()
        select ListingPiece.Match("iprange", items.SelectMany(i => i).ToArray());
}
