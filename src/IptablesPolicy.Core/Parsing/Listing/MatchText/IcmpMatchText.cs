using Sprache;
using static IptablesPolicy.Core.Parsing.Listing.MatchText.ListingGrammar;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// icmp and icmp6 (libxt_icmp.h print): by name <c>icmp echo-request</c>, <c>icmp !echo-reply</c>,
/// <c>ipv6-icmp echo-request</c>; under <c>-n</c> <c>icmptype 8</c>, <c>icmptype 3 code 4</c>,
/// <c>icmp !type 0</c>, <c>ipv6-icmptype 128</c>.
/// </summary>
internal static class IcmpMatchText
{
    public static readonly Parser<ListingPiece> Parser =
        Named("icmp", "icmp", "--icmp-type", Extensions.Values.IcmpTypeNames.IPv4.SaveFormOf)
            .Or(Named("ipv6-icmp", "icmp6", "--icmpv6-type", Extensions.Values.IcmpTypeNames.IPv6.SaveFormOf))
            .Or(Numeric("icmp", "icmp", "--icmp-type"))
            .Or(Numeric("ipv6-icmp", "icmp6", "--icmpv6-type"));

    private static Parser<ListingPiece> Named(string keyword, string module, string option, Func<string, string?> lookup) =>
        from _ in Keyword(keyword)
        from word in Word
        let split = SplitBang(word)
        let type = lookup(split.Value)
        where type is not null
        select ListingPiece.Match(module, Option(split.Negated, option, type!).ToArray());

    private static Parser<ListingPiece> Numeric(string keyword, string module, string option) =>
        from negated in Keyword(keyword + "type").Return(false).Or(Keyword(keyword).Then(_ => Keyword("!type")).Return(true))
        from type in Word.Where(w => w.All(char.IsAsciiDigit))
        from code in Keyword("code").Then(_ => Word.Where(w => w.All(char.IsAsciiDigit))).Optional()
        select ListingPiece.Match(module, Option(negated, option, SaveForm(module, type, code.IsDefined ? code.Get() : null)).ToArray());

    // Type 255 with every code is what "any" stores; iptables-save prints it as any.
    private static string SaveForm(string module, string type, string? code) =>
        code is not null ? $"{type}/{code}" : module == "icmp" && type == "255" ? "any" : type;
}
