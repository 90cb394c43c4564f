using System.Globalization;
using System.Text;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m string</c> (libxt_string.c, revision 1): a pattern of up to 128 bytes given as <c>--string</c>
/// or <c>--hex-string</c> (<c>|0a0d|</c> blocks and <c>\</c>-escaped literals). iptables-save prints the
/// pattern as <c>--string "..."</c> when every byte is printable and otherwise as <c>--hex-string "|..|"</c>,
/// then <c>--algo</c>, <c>--from</c> unless 0, <c>--to</c> unless 65535, and <c>--icase</c>.
/// </summary>
internal sealed class StringMatchDefinition : ExtensionDefinition
{
    private const int MaxPattern = 128;

    public override string Name => "string";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--string") { CanNegate = true, AlwaysQuoted = true, Normalize = (values, context) => Pattern(Encoding.UTF8.GetBytes(values[0]), context) },
        new OptionSpec("--hex-string") { CanNegate = true, AlwaysQuoted = true, Normalize = (values, context) => ParseHex(values[0], context) is { } bytes ? Pattern(bytes, context) : null },
        new OptionSpec("--algo")
        {
            Normalize = (values, context) =>
            {
                // iptables passes the name on; the kernel's textsearch knows bm and kmp (fsm is rarely built).
                if (values[0] is "bm" or "kmp")
                    return values;
                context.Fail($"unknown --algo '{values[0]}' of match string: expected bm or kmp");
                return null;
            },
        },
        new OptionSpec("--from") { Normalize = Numbers.Unsigned(0, 65535, "--from") },
        new OptionSpec("--to") { Normalize = Numbers.Unsigned(0, 65535, "--to") },
        OptionSpec.Flag("--icase"),
    ];

    /// <summary>
    /// The pattern as (the option iptables-save prints it with, its value): <c>--string</c> and the text, or
    /// <c>--hex-string</c> and <c>|hex|</c>. <see cref="Complete"/> then gives the option that name.
    /// </summary>
    private static IReadOnlyList<string>? Pattern(byte[] bytes, ExtensionContext context)
    {
        if (bytes.Length > MaxPattern)
        {
            context.Fail($"the pattern of match string is {bytes.Length} bytes long: expected at most {MaxPattern}");
            return null;
        }
        if (bytes.Length == 0)
        {
            context.Fail("the pattern of match string is empty: expected at least one byte");
            return null;
        }
        return IsPrintable(bytes)
            ? ["--string", Encoding.Latin1.GetString(bytes)]
            : ["--hex-string", "|" + Convert.ToHexStringLower(bytes) + "|"];
    }

    // is_hex_string: any byte outside isprint, or a trailing backslash, makes iptables-save print hex.
    private static bool IsPrintable(byte[] bytes) => bytes.All(b => b is >= 0x20 and < 0x7f) && bytes[^1] != '\\';

    /// <summary>Decodes <c>--hex-string</c> as parse_hex_string does: <c>|..|</c> hex blocks (spaces allowed), <c>\x</c> literals, other characters as they are.</summary>
    private static byte[]? ParseHex(string text, ExtensionContext context)
    {
        var source = Encoding.UTF8.GetBytes(text);
        var pattern = new List<byte>();
        var inHex = false;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\' && !inHex)
            {
                if (i + 1 >= source.Length)
                    return Fail("a \\ at the end of --hex-string escapes nothing", context);
                pattern.Add(source[i + 1]);
                i += 2;
                continue;
            }
            if (c == '\\')
                return Fail("--hex-string cannot have \\ literals inside a |hex| block", context);
            if (c == '|')
            {
                inHex = !inHex;
                i++;
                while (inHex && i < source.Length && source[i] == ' ')
                    i++;
                continue;
            }
            if (!inHex)
            {
                pattern.Add(c);
                i++;
                continue;
            }
            if (i + 2 >= source.Length || !char.IsAsciiHexDigit((char)c) || !char.IsAsciiHexDigit((char)source[i + 1]))
                return Fail($"invalid --hex-string '{text}': expected pairs of hexadecimal digits between | and |", context);
            pattern.Add((byte)((HexValue(c) << 4) | HexValue(source[i + 1])));
            i += source[i + 2] == ' ' ? 3 : 2;
        }
        return pattern.ToArray();
    }

    private static int HexValue(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    private static byte[]? Fail(string message, ExtensionContext context)
    {
        context.Fail(message);
        return null;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, "--string", "--hex-string") || !options.AtMostOne(context, Name, "--string", "--hex-string"))
            return;
        options.RequireAny(context, Name, "--algo");
        var pattern = options.Find("--string") ?? options.Find("--hex-string")!;
        options.Replace(pattern, new ExtensionOption(pattern.Values[0], [pattern.Values[1]], pattern.IsNegated, ValueQuoting.Always));
        var from = options.Find("--from")?.Value is { } f ? ulong.Parse(f, CultureInfo.InvariantCulture) : 0;
        var to = options.Find("--to")?.Value is { } t ? ulong.Parse(t, CultureInfo.InvariantCulture) : 65535;
        if (from > to)
            context.Fail($"match string: --from {from} is beyond --to {to}");
        options.RemoveAll(o => (o.Name == "--from" && o.Value == "0") || (o.Name == "--to" && o.Value == "65535"));
    }
}
