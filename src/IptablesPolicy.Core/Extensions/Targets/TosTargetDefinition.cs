using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j TOS</c> (libxt_TOS.c, revision 1): one of <c>--set-tos VALUE[/MASK]|NAME</c>, <c>--and-tos</c>,
/// <c>--or-tos</c>, <c>--xor-tos</c>, all printed as <c>--set-tos 0xVV/0xMM</c>. A bare number has the mask
/// 0xff, a symbolic name 0x3f.
/// </summary>
internal sealed class TosTargetDefinition : ExtensionDefinition
{
    private static readonly (string Name, uint Value)[] Symbols =
    [
        ("Minimize-Delay", 0x10), ("Maximize-Throughput", 0x08), ("Maximize-Reliability", 0x04),
        ("Minimize-Cost", 0x02), ("Normal-Service", 0x00),
    ];

    public override string Name => "TOS";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--set-tos") { Normalize = NormalizeSet },
        new OptionSpec("--and-tos") { Normalize = (values, context) => Byte(values[0], context) is { } v ? [Format(0, ~v & 0xff)] : null },
        new OptionSpec("--or-tos") { Normalize = (values, context) => Byte(values[0], context) is { } v ? [Format(v, v)] : null },
        new OptionSpec("--xor-tos") { Normalize = (values, context) => Byte(values[0], context) is { } v ? [Format(v, 0)] : null },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.RequireTable(context, Name, "mangle");
        if (!TargetChecks.ExactlyOne(options, context, Name, "--set-tos", "--and-tos", "--or-tos", "--xor-tos"))
            return;
        options[0] = new ExtensionOption("--set-tos", options[0].Values);
    }

    private static IReadOnlyList<string>? NormalizeSet(IReadOnlyList<string> values, ExtensionContext context)
    {
        var text = values[0];
        foreach (var (name, value) in Symbols)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                return [Format(value, 0x3f)];
        }
        var slash = text.IndexOf('/');
        var tos = Byte(slash < 0 ? text : text[..slash], context);
        var mask = slash < 0 ? 0xff : Byte(text[(slash + 1)..], context);
        return tos is null || mask is null ? null : [Format(tos.Value, mask.Value)];
    }

    private static uint? Byte(string text, ExtensionContext context) =>
        (uint?)OptionValues.ParseUnsigned(text, 0, 0xff, "TOS value (or a name: Minimize-Delay, Maximize-Throughput, Maximize-Reliability, Minimize-Cost, Normal-Service)", context);

    private static string Format(uint value, uint mask) => $"0x{value:x2}/0x{mask:x2}";
}
