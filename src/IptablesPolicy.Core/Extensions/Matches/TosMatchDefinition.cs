using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m tos --tos VALUE[/MASK]</c> (libxt_tos.c, revision 1): a number with an optional mask (0xff by
/// default) or a symbolic name, which means its value under the mask 0x3f. Saved as <c>0xVV/0xMM</c>.
/// </summary>
internal sealed class TosMatchDefinition : ExtensionDefinition
{
    private static readonly (string Name, int Value)[] Symbols =
    [
        ("Minimize-Delay", 0x10), ("Maximize-Throughput", 0x08), ("Maximize-Reliability", 0x04), ("Minimize-Cost", 0x02), ("Normal-Service", 0x00),
    ];

    public override string Name => "tos";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--tos") { CanNegate = true, Normalize = (values, context) => Parse(values[0], context) is { } tos ? [tos] : null },
    ];

    private static string? Parse(string text, ExtensionContext context)
    {
        if (Numbers.TryParsePrefix(text, 0, out var value, out var end) && value <= 0xff)
        {
            ulong mask = 0xff;
            if (end < text.Length && text[end] == '/')
            {
                if (!Numbers.TryParsePrefix(text, end + 1, out mask, out end) || mask > 0xff)
                    end = -1;
            }
            if (end == text.Length)
                return Format((int)value, (int)mask);
            context.Fail($"invalid --tos '{text}': expected VALUE[/MASK] with numbers up to 0xff, or a name");
            return null;
        }
        foreach (var (name, symbol) in Symbols)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                return Format(symbol, 0x3f);
        }
        context.Fail($"unknown --tos '{text}': expected VALUE[/MASK] or one of {string.Join(", ", Symbols.Select(s => s.Name))}");
        return null;
    }

    private static string Format(int value, int mask) => string.Create(CultureInfo.InvariantCulture, $"0x{value:x2}/0x{mask:x2}");

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, "--tos");
}
