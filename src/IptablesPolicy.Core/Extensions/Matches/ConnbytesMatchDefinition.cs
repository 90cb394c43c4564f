using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m connbytes --connbytes FROM[:TO] --connbytes-mode packets|bytes|avgpkt --connbytes-dir
/// original|reply|both</c> (libxt_connbytes.c): all three options are required. A single number means
/// "from there up"; iptables-save leaves out an upper end of 0 or 2^64-1, and keeps <c>!</c> only where the
/// kernel structure can show it (a negated range is stored with its ends swapped).
/// </summary>
internal sealed class ConnbytesMatchDefinition : ExtensionDefinition
{
    public override string Name => "connbytes";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--connbytes")
        {
            CanNegate = true,
            Normalize = (values, context) => UnsignedRange.Parse(values[0], ulong.MaxValue, "--connbytes", context) is { } range
                ? [string.Create(CultureInfo.InvariantCulture, $"{range.First}:{(range.IsSingle ? ulong.MaxValue : range.Last)}")]
                : null,
        },
        Choice("--connbytes-mode", "packets", "bytes", "avgpkt"),
        Choice("--connbytes-dir", "original", "reply", "both"),
    ];

    private static OptionSpec Choice(string name, params string[] choices) => new(name)
    {
        Normalize = (values, context) =>
        {
            if (choices.Contains(values[0]))
                return values;
            context.Fail($"unknown {name} '{values[0]}': expected {string.Join(", ", choices)}");
            return null;
        },
    };

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        foreach (var required in new[] { "--connbytes", "--connbytes-mode", "--connbytes-dir" })
        {
            if (!options.Exists(o => o.Name == required))
                context.Fail($"match connbytes needs {required}");
        }
        var index = options.FindIndex(o => o.Name == "--connbytes");
        if (index < 0 || UnsignedRange.TryRead(options[index].Value) is not { } range)
            return;
        // connbytes_parse stores a negated range as (to, from); print_from_to writes "!" when from > to.
        var (from, to) = options[index].IsNegated ? (range.Last, range.First) : (range.First, range.Last);
        var negated = from > to;
        if (negated)
            (from, to) = (to, from);
        var text = to != 0 && to < ulong.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{from}:{to}")
            : from.ToString(CultureInfo.InvariantCulture);
        options[index] = new ExtensionOption("--connbytes", [text], negated);
    }
}
