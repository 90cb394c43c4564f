using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>mark and connmark (libxt_mark.c, libxt_connmark.c print): <c>mark match ! 0x1</c>, <c>connmark match  0x10/0xff</c>.</summary>
internal static class MarkMatchText
{
    public static readonly Parser<ListingPiece> Mark = Of("mark match", "mark");

    public static readonly Parser<ListingPiece> Connmark = Of("connmark match", "connmark").Or(Of("CONNMARK match", "connmark"));

    private static Parser<ListingPiece> Of(string words, string module) =>
        from _ in Keywords(words)
        from negated in Bang
        from value in Word
        let split = SplitBang(value)
        where split.Value.StartsWith("0x", StringComparison.Ordinal)
        select ListingPiece.Match(module, Option(negated || split.Negated, "--mark", split.Value).ToArray());
}
