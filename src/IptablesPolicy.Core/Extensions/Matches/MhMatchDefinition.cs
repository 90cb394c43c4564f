using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m mh --mh-type TYPE[:TYPE]</c> (libip6t_mh.c): Mobility Header types by name (or abbreviation) or
/// number, saved as numbers; <c>0:255</c> is left out unless negated. Needs <c>-p mobility-header</c>.
/// </summary>
internal sealed class MhMatchDefinition : ExtensionDefinition
{
    private static readonly (string Name, int Type)[] Types =
    [
        ("binding-refresh-request", 0), ("brr", 0), ("home-test-init", 1), ("hoti", 1), ("careof-test-init", 2),
        ("coti", 2), ("home-test", 3), ("hot", 3), ("careof-test", 4), ("cot", 4), ("binding-update", 5),
        ("bu", 5), ("binding-acknowledgement", 6), ("ba", 6), ("binding-error", 7), ("be", 7),
    ];

    public override string Name => "mh";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv6;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--mh-type") { CanNegate = true, Normalize = NormalizeTypes },
    ];

    private static IReadOnlyList<string>? NormalizeTypes(IReadOnlyList<string> values, ExtensionContext context)
    {
        var text = values[0];
        var colon = text.IndexOf(':');
        if (colon < 0)
            return TypeOf(text, context) is { } single ? [single.ToString(CultureInfo.InvariantCulture)] : null;
        var first = colon == 0 ? 0 : TypeOf(text[..colon], context);
        var last = colon == text.Length - 1 ? 255 : TypeOf(text[(colon + 1)..], context);
        if (first is null || last is null)
            return null;
        if (first > last)
        {
            context.Fail($"invalid MH type range '{text}': expected FIRST:LAST with FIRST at most LAST");
            return null;
        }
        return [new UnsignedRange((ulong)first, (ulong)last).ToString()];
    }

    // name_to_type: the first name the text abbreviates, unless a later one equals it; else a number.
    private static int? TypeOf(string text, ExtensionContext context)
    {
        int? match = null;
        foreach (var (name, type) in Types)
        {
            if (name.StartsWith(text, StringComparison.OrdinalIgnoreCase) && (match is null || name.Length == text.Length))
                match = type;
        }
        if (match is not null)
            return match;
        if (Numbers.TryParse(text, out var number) && number <= 255)
            return (int)number;
        context.Fail($"invalid MH type '{text}': expected a type name (binding-update, bu...) or a number from 0 to 255");
        return null;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!context.ProtocolIs("mobility-header"))
            context.Fail("match mh needs -p mobility-header (and not negated)");
        FullRange.RemoveUnlessNegated(options, "--mh-type", 255);
    }
}
