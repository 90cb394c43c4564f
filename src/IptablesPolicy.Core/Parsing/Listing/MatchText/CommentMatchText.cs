using Sprache;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>comment (libxt_comment.c print): <c>/* text */</c>; the text ends at the first <c> */</c> followed by a space or the end.</summary>
internal static class CommentMatchText
{
    public static readonly Parser<ListingPiece> Parser = input =>
    {
        var source = input.Source;
        var start = input.Position;
        if (string.CompareOrdinal(source, start, "/* ", 0, 3) != 0)
            return Result.Failure<ListingPiece>(input, "expected /* comment */", ["/*"]);
        var at = start + 3;
        while (true)
        {
            var end = source.IndexOf(" */", at, StringComparison.Ordinal);
            if (end < 0)
                return Result.Failure<ListingPiece>(input, "expected */ to end the comment", ["*/"]);
            if (end + 3 == source.Length || source[end + 3] == ' ')
            {
                var stop = end + 3;
                while (stop < source.Length && source[stop] == ' ')
                    stop++;
                var text = source[(start + 3)..end];
                return Result.Success(ListingPiece.Match("comment", "--comment", new ListingArgument(text, Quoted: true)), ListingGrammar.At(input, stop));
            }
            at = end + 1;
        }
    };
}
