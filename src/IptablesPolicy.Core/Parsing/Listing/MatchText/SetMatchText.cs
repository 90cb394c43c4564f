using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// set (libxt_set.c print): <c>[!] match-set NAME src,dst</c> followed by <c>return-nomatch</c>,
/// <c>! update-counters</c>, <c>! update-subcounters</c>, <c>[!] packets-eq N</c>, <c>bytes-gt N</c>...
/// </summary>
internal static class SetMatchText
{
    private static readonly Parser<IEnumerable<ListingArgument>> Counter =
        from negated in Bang
        from word in Word
        where word is "update-counters" or "update-subcounters" || (word.StartsWith("packets-", StringComparison.Ordinal) || word.StartsWith("bytes-", StringComparison.Ordinal)) && word.Length > 6
        from value in word.StartsWith("update", StringComparison.Ordinal) ? Parse.Return<string?>(null) : Word.Select(w => (string?)w)
        select value is null ? Option(negated, "--" + word) : Option(negated, "--" + word, value);

    private static readonly Parser<IEnumerable<ListingArgument>> ReturnNoMatch = Keyword("return-nomatch").Return(Option(false, "--return-nomatch"));

    public static readonly Parser<ListingPiece> Parser =
        from negated in Bang
        from _ in Keyword("match-set")
        from name in Word
        from flags in Word
        from extras in ReturnNoMatch.Or(Counter).Many()
        select ListingPiece.Match("set", [.. Option(negated, "--match-set", name, flags), .. extras.SelectMany(e => e)]);
}
