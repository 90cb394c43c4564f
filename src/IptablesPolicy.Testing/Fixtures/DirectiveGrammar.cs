using Sprache;

namespace IptablesPolicy.Testing.Fixtures;

/// <summary>
/// The value of a fixture directive, after <c># expect:</c>, <c># ok:</c> or <c># test-policies:</c>: a list of
/// policy ids separated by commas, each optionally followed by a quoted message substring (<c>\"</c> and <c>\\</c>
/// escape inside it). A small grammar off the hot path, so Sprache, as the design asks.
/// </summary>
internal static class DirectiveGrammar
{
    private static readonly Parser<string> Id =
        from first in Parse.Letter
        from rest in Parse.LetterOrDigit.Or(Parse.Chars("-_.")).Many().Text()
        select first + rest;

    private static readonly Parser<char> QuotedChar =
        Parse.String("\\\"").Return('"').Or(Parse.String("\\\\").Return('\\')).Or(Parse.CharExcept("\"\\"));

    private static readonly Parser<string> Quoted =
        from open in Parse.Char('"')
        from content in QuotedChar.Many().Text()
        from close in Parse.Char('"').Named("a closing quote")
        select content;

    private static readonly Parser<(string Id, string? Message)> Item =
        from id in Id.Named("a policy id").Token()
        from message in Quoted.Token().XOptional()
        select (id, message.GetOrDefault());

    private static readonly Parser<IEnumerable<(string Id, string? Message)>> List =
        Item.XDelimitedBy(Parse.Char(',').Token()).End();

    /// <summary>Reads a directive value; on failure, the 0-based offset of the problem and what was expected.</summary>
    public static bool TryRead(string text, out IReadOnlyList<(string Id, string? Message)> items, out int errorOffset, out string error)
    {
        var result = List.TryParse(text);
        if (result.WasSuccessful)
        {
            items = result.Value.ToArray();
            errorOffset = 0;
            error = "";
            return true;
        }
        items = [];
        errorOffset = result.Remainder.Position;
        error = $"expected {string.Join(" or ", result.Expectations.DefaultIfEmpty("a policy id"))}";
        return false;
    }
}
