using Sprache;

namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>
/// The building blocks of the match-column grammars. Extensions print their options as space-separated
/// words (<c>ctstate RELATED,ESTABLISHED</c>), so the grammars work on words: each parser consumes a word
/// and the spaces after it.
/// </summary>
internal static class ListingGrammar
{
    private static readonly Parser<string> Spaces = input => Result.Success(string.Empty, At(input, SkipSpaces(input.Source, input.Position)));

    private static readonly string[] WordExpected = ["word"];

    /// <summary>Any word. Words are found by scanning, not char by char (Sprache makes an input object per character).</summary>
    public static readonly Parser<string> Word = input =>
    {
        var source = input.Source;
        var start = input.Position;
        var end = start;
        while (end < source.Length && source[end] != ' ')
            end++;
        if (end == start)
            return Result.Failure<string>(input, "expected a word", WordExpected);
        return Result.Success(source[start..end], At(input, SkipSpaces(source, end)));
    };

    /// <summary>The input moved to <paramref name="position"/> on the same line (a match column is one line).</summary>
    public static IInput At(IInput input, int position) =>
        position == input.Position ? input : new ListingInput(input.Source, position);

    private static int SkipSpaces(string source, int at)
    {
        while (at < source.Length && source[at] == ' ')
            at++;
        return at;
    }

    /// <summary>An optional <c>!</c> word (negation printed in front of a keyword or value).</summary>
    public static readonly Parser<bool> Bang = Keyword("!").Optional().Select(o => o.IsDefined);

    /// <summary>Exactly this word.</summary>
    public static Parser<string> Keyword(string keyword)
    {
        string[] expected = [keyword];
        return input =>
        {
            var source = input.Source;
            var start = input.Position;
            var end = start + keyword.Length;
            if (end > source.Length || string.CompareOrdinal(source, start, keyword, 0, keyword.Length) != 0 || (end < source.Length && source[end] != ' '))
                return Result.Failure<string>(input, "expected a keyword", expected);
            return Result.Success(keyword, At(input, SkipSpaces(source, end)));
        };
    }

    /// <summary>Exactly these words in sequence (<c>"mark match"</c>).</summary>
    public static Parser<string> Keywords(string words) =>
        words.Split(' ').Select(Keyword).Aggregate((first, next) => first.Then(_ => next)).Return(words);

    /// <summary>A word that starts with <paramref name="prefix"/>; gives the rest of the word.</summary>
    public static Parser<string> Prefixed(string prefix) => input =>
    {
        var result = Word(input);
        return result.WasSuccessful && result.Value.StartsWith(prefix, StringComparison.Ordinal) && result.Value.Length > prefix.Length
            ? Result.Success(result.Value[prefix.Length..], result.Remainder)
            : Result.Failure<string>(input, $"expected '{prefix}...'", [prefix]);
    };

    /// <summary>A word for which <paramref name="convert"/> gives a value (a port name, a number).</summary>
    public static Parser<T> Converted<T>(Func<string, T?> convert, string expected)
        where T : class => input =>
    {
        var result = Word(input);
        if (result.WasSuccessful && convert(result.Value) is { } value)
            return Result.Success(value, result.Remainder);
        return Result.Failure<T>(input, $"expected {expected}", [expected]);
    };

    /// <summary>A word with a leading <c>!</c> split off (<c>!LOCAL</c>, <c>spt:!53</c>'s value).</summary>
    public static (bool Negated, string Value) SplitBang(string word) =>
        word.StartsWith('!') ? (true, word[1..]) : (false, word);

    /// <summary>
    /// A value printed by <c>xtables_save_string</c> (NFLOG's <c>nflog-prefix</c>): a plain word, or a double-quoted
    /// text in which <c>\</c> escapes the next character.
    /// </summary>
    public static readonly Parser<string> SaveString =
        (from open in Parse.Char('"')
         from text in Parse.Char('\\').Then(_ => Parse.AnyChar).Or(Parse.CharExcept('"')).Many().Text()
         from close in Parse.Char('"')
         select text).Token().Or(Word);

    /// <summary>A double-quoted text printed without escapes (LOG's <c>prefix "..."</c>): up to a quote followed by a space or the end.</summary>
    public static readonly Parser<string> QuotedText = input =>
    {
        if (input.AtEnd || input.Current != '"')
            return Result.Failure<string>(input, "expected a quoted text", ["\""]);
        var rest = input.Source[(input.Position + 1)..];
        var end = -1;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == '"' && (i + 1 == rest.Length || rest[i + 1] == ' '))
            {
                end = i;
                break;
            }
        }
        if (end < 0)
            return Result.Failure<string>(input, "expected the closing quote", ["\""]);
        return Result.Success(rest[..end], At(input, SkipSpaces(input.Source, input.Position + end + 2)));
    };

    /// <summary>Names every option of a piece with a leading <c>!</c> where negated: <c>(true, "--ctstate")</c> → <c>!</c>, <c>--ctstate</c>.</summary>
    public static IEnumerable<ListingArgument> Option(bool negated, string name, params string[] values)
    {
        if (negated)
            yield return "!";
        yield return name;
        foreach (var value in values)
            yield return value;
    }
}
