using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// recent (libxt_recent.c print): <c>recent: [!] UPDATE seconds: 60 reap hit_count: 4 TTL-Match name: SSH side: source mask: 255.255.255.255</c>.
/// </summary>
internal static class RecentMatchText
{
    private static readonly Parser<string> Mode =
        Keyword("SET").Return("--set").Or(Keyword("CHECK").Return("--rcheck")).Or(Keyword("UPDATE").Return("--update")).Or(Keyword("REMOVE").Return("--remove"));

    private static readonly Parser<IEnumerable<ListingArgument>> Item =
        (from _ in Keyword("seconds:") from value in Word select Option(false, "--seconds", value))
        .Or(Keyword("reap").Return(Option(false, "--reap")))
        .Or(from _ in Keyword("hit_count:") from value in Word select Option(false, "--hitcount", value))
        .Or(Keyword("TTL-Match").Return(Option(false, "--rttl")))
        .Or(from _ in Keyword("name:") from value in Word select Option(false, "--name", value))
        .Or(from _ in Keyword("mask:") from value in Word select Option(false, "--mask", value));

    private static readonly Parser<string> Side =
        Keyword("side:").Then(_ => Keyword("source").Return("--rsource").Or(Keyword("dest").Return("--rdest")));

    public static readonly Parser<ListingPiece> Parser =
        from _ in Keyword("recent:")
        from negated in Bang
        from mode in Mode
        from items in Item.Many()
        from side in Side.Optional()
        from more in Item.Many()
        select ListingPiece.Match("recent", [.. Option(negated, mode), .. items.SelectMany(i => i), .. more.SelectMany(i => i), .. side.IsDefined ? [side.Get()] : Array.Empty<ListingArgument>()]);
}
