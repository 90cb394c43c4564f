using System.Globalization;
using System.Text;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m u32 --u32 "TESTS"</c> (libxt_u32.c): tests of 32-bit words of the packet, such as
/// <c>0&gt;&gt;22&amp;0x3C@12=0x1:0xff</c>, joined by <c>&amp;&amp;</c>; saved with every number in
/// hexadecimal and quoted. At most 10 tests, locations and values each.
/// </summary>
internal sealed class U32MatchDefinition : ExtensionDefinition
{
    private const int MaxSize = 10;

    public override string Name => "u32";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--u32") { CanNegate = true, AlwaysQuoted = true, Normalize = (values, context) => Parse(values[0], context) is { } tests ? [tests] : null },
    ];

    /// <summary>Reads the tests as u32_parse does and prints them as u32_dump does.</summary>
    private static string? Parse(string text, ExtensionContext context)
    {
        var output = new StringBuilder();
        var at = 0;
        int tests = 0, locations = 0, values = 0;
        var readingValues = false;
        while (true)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
                at++;
            if (at == text.Length)
            {
                if (!readingValues)
                    return Fail("abrupt end after a location: expected =VALUE", at, context);
                if (values == 0)
                    return Fail("a test without a value", at, context);
                return ++tests > MaxSize ? Fail("too many &&", at, context) : output.ToString();
            }
            if (!readingValues)
            {
                if (text[at] == '=')
                {
                    if (locations == 0)
                        return Fail("location missing before =", at, context);
                    at++;
                    readingValues = true;
                    output.Append('=');
                    continue;
                }
                if (locations != 0)
                {
                    var op = text[at] switch
                    {
                        '&' => "&",
                        '<' when at + 1 < text.Length && text[at + 1] == '<' => "<<",
                        '>' when at + 1 < text.Length && text[at + 1] == '>' => ">>",
                        '@' => "@",
                        _ => null,
                    };
                    if (op is null)
                        return Fail("expected an operator (&, <<, >>, @) or =", at, context);
                    at += op.Length;
                    output.Append(op);
                }
                if (Number(text, ref at, context) is not { } location)
                    return null;
                output.Append(Hex(location));
                if (++locations > MaxSize)
                    return Fail("too many operators", at, context);
                continue;
            }
            if (text[at] == '&')
            {
                if (at + 1 >= text.Length || text[at + 1] != '&')
                    return Fail("a second & was expected", at, context);
                if (++tests > MaxSize)
                    return Fail("too many &&", at, context);
                at += 2;
                output.Append("&&");
                readingValues = false;
                locations = 0;
                values = 0;
                continue;
            }
            if (values > 0)
            {
                if (text[at] != ',')
                    return Fail("expected , or &&", at, context);
                at++;
                output.Append(',');
            }
            if (Number(text, ref at, context) is not { } min)
                return null;
            while (at < text.Length && char.IsWhiteSpace(text[at]))
                at++;
            var max = min;
            if (at < text.Length && text[at] == ':')
            {
                at++;
                if (Number(text, ref at, context) is not { } upper)
                    return null;
                max = upper;
            }
            output.Append(min == max ? Hex(min) : $"{Hex(min)}:{Hex(max)}");
            if (++values > MaxSize)
                return Fail("too many ,", at, context);
        }
    }

    private static ulong? Number(string text, ref int at, ExtensionContext context)
    {
        if (Numbers.TryParsePrefix(text, at, out var value, out var end) && value <= uint.MaxValue)
        {
            at = end;
            return value;
        }
        context.Fail($"u32: at char {at}: not a number or out of range");
        return null;
    }

    private static string Hex(ulong value) => string.Create(CultureInfo.InvariantCulture, $"0x{value:x}");

    private static string? Fail(string message, int at, ExtensionContext context)
    {
        context.Fail($"u32: at char {at}: {message}");
        return null;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, "--u32");
}
