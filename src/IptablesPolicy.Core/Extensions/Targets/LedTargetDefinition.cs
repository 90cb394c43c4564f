using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j LED</c> (libxt_LED.c): <c>--led-trigger-id</c> (mandatory, at most 16 bytes, always printed in
/// double quotes), <c>--led-delay MS|inf</c> (left out when 0, printed signed as iptables-save does), <c>--led-always-blink</c>.
/// </summary>
internal sealed class LedTargetDefinition : ExtensionDefinition
{
    public override string Name => "LED";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--led-trigger-id") { AlwaysQuoted = true, Normalize = TargetValues.Text("--led-trigger-id", 0, 16) },
        new OptionSpec("--led-delay")
        {
            Normalize = (values, context) =>
            {
                // "inf" is the kernel's 0xffffffff; the delay is printed with %d, so it and every value above
                // INT_MAX come out negative, as in iptables-save.
                if (values[0].StartsWith("inf", StringComparison.OrdinalIgnoreCase))
                    return ["-1"];
                return OptionValues.ParseUnsigned(values[0], 0, uint.MaxValue, "delay in milliseconds", context) is { } delay
                    ? [unchecked((int)(uint)delay).ToString(CultureInfo.InvariantCulture)]
                    : null;
            },
        },
        OptionSpec.Flag("--led-always-blink"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.Require(options, context, Name, "--led-trigger-id");
        options.RemoveAll(o => o.Name == "--led-delay" && o.Value == "0");
    }
}
