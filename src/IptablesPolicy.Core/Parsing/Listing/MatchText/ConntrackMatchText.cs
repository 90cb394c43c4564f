using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// conntrack (libxt_conntrack.c print): a run of <c>[!] ctstate X</c>, <c>ctproto 6</c>, <c>ctorigsrc A</c>,
/// <c>ctstatus X</c>, <c>ctexpire A:B</c>, <c>ctdir REPLY</c>... words, each the option of the same name;
/// and state (libxt_state.c): <c>[!] state NEW</c>.
/// </summary>
internal static class ConntrackMatchText
{
    private static readonly string[] Options =
    [
        "ctstate", "ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst", "ctorigsrcport", "ctorigdstport",
        "ctreplsrcport", "ctrepldstport", "ctstatus", "ctexpire",
    ];

    private static readonly Parser<IEnumerable<ListingArgument>> Item =
        Options.Select(name =>
                from negated in Bang
                from _ in Keyword(name)
                from value in Word
                select Option(negated, "--" + name, value))
            .Aggregate((a, b) => a.Or(b))
            .Or(from _ in Keyword("ctdir")
                from value in Keyword("REPLY").Or(Keyword("ORIGINAL"))
                select Option(false, "--ctdir", value));

    public static readonly Parser<ListingPiece> Conntrack =
        from items in Item.AtLeastOnce()
        select ListingPiece.Match("conntrack", items.SelectMany(i => i).ToArray());

    public static readonly Parser<ListingPiece> State =
        from negated in Bang
        from _ in Keyword("state")
        from value in Word
        select ListingPiece.Match("state", Option(negated, "--state", value).ToArray());
}
