using Sprache;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>A part of the match column that no translator understood, with its 0-based offset in the text.</summary>
internal readonly record struct UnreadText(string Text, int Offset);

/// <summary>The match column read back: the pieces in order, whether the rule was a goto, and what could not be read.</summary>
internal sealed record TranslatedMatchText(IReadOnlyList<(ListingPiece Piece, int Offset)> Pieces, bool IsGoto, IReadOnlyList<UnreadText> Unread);

/// <summary>
/// Reads a listing's match column (everything after the destination) back into iptables arguments, one
/// piece at a time: at each position the translators of the known modules and of the rule's target are
/// tried; a word none of them reads is collected as unread text, and reading resumes at the next word.
/// </summary>
internal static class MatchTextTranslator
{
    // Each translator with the words its text can start with: a row tries only the translators its next
    // word names (a 100k-rule listing would otherwise run every grammar at every word). "!" starts the
    // negated forms (! ctstate, ! match-set, ! owner), so it tries them all.
    private static readonly (string[] FirstWords, Parser<ListingPiece> Parser)[] Translators =
    [
        (["/*"], CommentMatchText.Parser),
        (["tcp", "udp", "sctp", "dccp", "udplite"], PortMatchText.Parser),
        (["multiport"], MultiportMatchText.Parser),
        (["icmp", "icmptype", "ipv6-icmp", "ipv6-icmptype"], IcmpMatchText.Parser),
        (["state"], ConntrackMatchText.State),
        (["ctstate", "ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst", "ctorigsrcport", "ctorigdstport", "ctreplsrcport", "ctrepldstport", "ctstatus", "ctexpire", "ctdir"], ConntrackMatchText.Conntrack),
        (["mark"], MarkMatchText.Mark),
        (["connmark", "CONNMARK"], MarkMatchText.Connmark),
        (["ADDRTYPE"], AddrtypeMatchText.Parser),
        (["statistic"], StatisticMatchText.Parser),
        (["match-set"], SetMatchText.Parser),
        (["source", "destination"], IprangeMatchText.Parser),
        (["owner", "incl."], OwnerMatchText.Parser),
        (["limit:"], RateMatchText.Limit),
        (["limit:"], RateMatchText.Hashlimit),
        (["recent:"], RecentMatchText.Parser),
        (["PKTTYPE"], SimpleMatchText.Pkttype),
        (["MAC"], SimpleMatchText.Mac),
        (["length"], SimpleMatchText.Length),
        (["PHYSDEV"], SimpleMatchText.Physdev),
        (["STRING"], SimpleMatchText.String),
        (["#conn"], MoreMatchText.Connlimit),
        (["DSCP"], MoreMatchText.Dscp),
        (["tos"], MoreMatchText.Tos),
        (["TTL"], MoreMatchText.Ttl),
        (["HL"], MoreMatchText.Hl),
        (["connbytes"], MoreMatchText.Connbytes),
        (["socket"], MoreMatchText.Socket),
        (["policy"], MoreMatchText.Policy),
        (["esp"], MoreMatchText.Esp),
        (["quota:"], MoreMatchText.Quota),
        (["src-group", "dst-group"], MoreMatchText.Devgroup),
        (["cpu"], MoreMatchText.Cpu),
        (["u32"], MoreMatchText.U32),
        (["tcpmss"], MoreMatchText.Tcpmss),
    ];

    private static readonly Dictionary<string, Parser<ListingPiece>[]> ByFirstWord = Translators
        .SelectMany(t => t.FirstWords.Select(word => (Word: word, t.Parser)))
        .GroupBy(t => t.Word, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(t => t.Parser).ToArray(), StringComparer.Ordinal);

    private static readonly Parser<ListingPiece>[] All = Translators.Select(t => t.Parser).ToArray();

    public static TranslatedMatchText Translate(string text, string? target)
    {
        var pieces = new List<(ListingPiece, int)>();
        var unread = new List<UnreadText>();
        IInput input = new ListingInput(text, 0);
        var isGoto = false;
        if (text.StartsWith("[goto]", StringComparison.Ordinal))
        {
            isGoto = true;
            input = ListingGrammar.At(input, "[goto]".Length);
        }
        var targetParser = target is null ? null : TargetText.For(target);
        var unreadStart = -1;
        while (!input.AtEnd)
        {
            if (input.Current == ' ')
            {
                input = ListingGrammar.At(input, input.Position + 1);
                continue;
            }
            var at = input.Position;
            var result = TryAll(input, text, targetParser);
            if (result is { } read)
            {
                FlushUnread(text, unread, ref unreadStart, at);
                pieces.Add((read.Value, at));
                input = read.Remainder;
                continue;
            }
            if (unreadStart < 0)
                unreadStart = at;
            var next = text.IndexOf(' ', input.Position);
            input = ListingGrammar.At(input, next < 0 ? text.Length : next);
        }
        FlushUnread(text, unread, ref unreadStart, text.Length);
        return new TranslatedMatchText(pieces, isGoto, unread);
    }

    private static IResult<ListingPiece>? TryAll(IInput input, string text, Parser<ListingPiece>? targetParser)
    {
        var at = input.Position;
        var end = text.IndexOf(' ', at);
        var word = text.AsSpan(at, (end < 0 ? text.Length : end) - at);
        var lookup = ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var candidates = word is "!" ? All : lookup.TryGetValue(word, out var found) ? found : [];
        foreach (var parser in candidates)
        {
            var result = parser(input);
            if (result.WasSuccessful && result.Remainder.Position > input.Position)
                return result;
        }
        if (targetParser is not null)
        {
            var result = targetParser(input);
            if (result.WasSuccessful && result.Remainder.Position > input.Position)
                return result;
        }
        return null;
    }

    private static void FlushUnread(string text, List<UnreadText> unread, ref int start, int end)
    {
        if (start < 0)
            return;
        unread.Add(new UnreadText(text[start..end].TrimEnd(), start));
        start = -1;
    }
}
