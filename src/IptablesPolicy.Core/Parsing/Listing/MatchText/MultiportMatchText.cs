using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>multiport (libxt_multiport.c): <c>multiport dports http,https</c>, <c>multiport sports  !22,8080</c>.</summary>
internal static class MultiportMatchText
{
    public static readonly Parser<ListingPiece> Parser =
        from _ in Keyword("multiport")
        from direction in Keyword("dports").Or(Keyword("sports")).Or(Keyword("ports"))
            .Or(Keyword("dport")).Or(Keyword("sport")).Or(Keyword("port"))
        from negated in Bang
        from list in Word
        let split = SplitBang(list)
        let ports = Ports(split.Value)
        where ports is not null
        select ListingPiece.Match("multiport", Option(negated || split.Negated, "--" + direction.TrimEnd('s') + "s", ports!).ToArray());

    private static string? Ports(string list)
    {
        var ports = list.Split(',').Select(p => ListingServiceNames.Range(p)).ToList();
        return ports.Any(p => p is null) ? null : string.Join(',', ports);
    }
}
