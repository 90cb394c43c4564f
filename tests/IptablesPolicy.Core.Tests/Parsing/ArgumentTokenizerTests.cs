using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Tests.Parsing;

/// <summary>
/// Quoted arguments: a whole token in plain double quotes is sliced from the line, every other quoted
/// token is built character by character; both must give the same text, columns and quoted flag.
/// </summary>
[TestFixture]
public sealed class ArgumentTokenizerTests
{
    [TestCase("--comment \"ns/svc:http\" -j X", 1, "ns/svc:http", 11, 24)]
    [TestCase("--comment \"ns/svc:http\"", 1, "ns/svc:http", 11, 24)]
    [TestCase("--comment \"\" -j X", 1, "", 11, 13)]
    [TestCase("--log-prefix \"[fw] \"\t-j X", 1, "[fw] ", 14, 21)]
    [TestCase("--comment \"a \\\"b\\\" c\" -j X", 1, "a \"b\" c", 11, 22)]
    [TestCase("--comment \"a\"b -j X", 1, "ab", 11, 15)]
    [TestCase("--comment x\"a b\" -j X", 1, "xa b", 11, 17)]
    public void Reads_quoted_arguments_with_their_columns(string line, int index, string text, int startColumn, int endColumn)
    {
        foreach (var pool in new StringPool?[] { null, new StringPool() })
        {
            var tokens = new List<Token>();
            ArgumentTokenizer.TryTokenize(line, 0, QuotingStyle.Restore, tokens, out var error, out _, pool).ShouldBeTrue(error);
            tokens[index].ShouldBe(new Token(text, startColumn, endColumn, WasQuoted: true));
        }
    }

    [TestCase("--comment \"a\\b\"", false, "ab")]
    [TestCase("--comment \"a\\b\"", true, "a\\b")]
    [TestCase("--comment \"it's\"", true, "it's")]
    public void Reads_backslashes_in_double_quotes_as_the_quoting_style_does(string line, bool shell, string text)
    {
        var tokens = new List<Token>();
        var style = shell ? QuotingStyle.Shell : QuotingStyle.Restore;
        ArgumentTokenizer.TryTokenize(line, 0, style, tokens, out var error, out _).ShouldBeTrue(error);
        tokens[1].Text.ShouldBe(text);
    }

    [Test]
    public void Reports_an_unterminated_quote_at_its_column()
    {
        var tokens = new List<Token>();
        ArgumentTokenizer.TryTokenize("--comment \"open -j X", 0, QuotingStyle.Restore, tokens, out var error, out var column).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldStartWith("unterminated quote");
        column.ShouldBe(11);
    }
}
