using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// limit (libxt_limit.c print): <c>limit: avg 3/min burst 5</c> (iptables-save leaves out the default burst 5);
/// hashlimit (libxt_hashlimit.c print): <c>limit: up to 50/sec burst 20 mode srcip</c>, whose listing never
/// shows the table name that iptables-save needs.
/// </summary>
internal static class RateMatchText
{
    public static readonly Parser<ListingPiece> Limit =
        from _ in Keyword("limit:")
        from negated in Bang
        from rate in Keyword("avg").Then(_ => Word)
        from burst in Keyword("burst").Then(_ => Word)
        select ListingPiece.Match("limit", [.. Option(negated, "--limit", rate), .. burst == "5" ? [] : Option(false, "--limit-burst", burst)]);


    private static readonly Parser<IEnumerable<ListingArgument>> HashlimitOption =
        new (string Printed, string Option)[]
        {
            ("burst", "--hashlimit-burst"), ("mode", "--hashlimit-mode"), ("htable-size", "--hashlimit-htable-size"),
            ("htable-max", "--hashlimit-htable-max"), ("htable-gcinterval", "--hashlimit-htable-gcinterval"),
            ("htable-expire", "--hashlimit-htable-expire"), ("srcmask", "--hashlimit-srcmask"), ("dstmask", "--hashlimit-dstmask"),
        }
        .Select(p => from _ in Keyword(p.Printed) from value in Word select Option(false, p.Option, value))
        .Aggregate((a, b) => a.Or(b));

    public static readonly Parser<ListingPiece> Hashlimit =
        from _ in Keyword("limit:")
        from kind in Keywords("up to").Return("--hashlimit-upto").Or(Keyword("above").Return("--hashlimit-above"))
        from rate in Word
        from options in HashlimitOption.Many()
        select new ListingPiece("hashlimit", [kind, rate, .. options.SelectMany(o => o)],
            "the listing does not show the hashlimit's --hashlimit-name: the match is kept as shown, unknown") { IsIncomplete = true };
}
