using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// owner (libxt_owner.c print): <c>[!] owner UID match 1000</c>, <c>owner GID match users</c>,
/// <c>owner socket exists</c>, <c>incl. suppl. groups</c>. Without <c>-n</c> the listing prints user and group
/// names from the listing machine, which only that machine can map back (root and group root aside).
/// </summary>
internal static class OwnerMatchText
{
    private static Parser<ListingPiece> Id(string words, string option) =>
        from negated in Bang
        from _ in Keywords(words)
        from value in Word
        let id = value == "root" ? "0" : value
        let piece = ListingPiece.Match("owner", Option(negated, option, id).ToArray())
        select id.All(c => char.IsAsciiDigit(c) || c == '-')
            ? piece
            : piece.WithWarning($"{option} {value}: a name from the listing machine's user database, kept as the name");

    public static readonly Parser<ListingPiece> Parser =
        Id("owner UID match", "--uid-owner")
            .Or(Id("owner GID match", "--gid-owner"))
            .Or(from negated in Bang from _ in Keywords("owner socket exists") select ListingPiece.Match("owner", Option(negated, "--socket-exists").ToArray()))
            .Or(Keywords("incl. suppl. groups").Return(ListingPiece.Match("owner", "--suppl-groups")));
}
