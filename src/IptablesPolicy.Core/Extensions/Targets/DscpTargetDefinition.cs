using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j DSCP</c> (libxt_DSCP.c): <c>--set-dscp 0..0x3f</c> or <c>--set-dscp-class NAME</c>, both printed as
/// <c>--set-dscp 0xNN</c>.
/// </summary>
internal sealed class DscpTargetDefinition : ExtensionDefinition
{
    public override string Name => "DSCP";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--set-dscp") { Normalize = TargetValues.Hex(0, 0x3f, "DSCP value", digits: 2) },
        new OptionSpec("--set-dscp-class")
        {
            Normalize = (values, context) =>
                DscpClasses.Parse(values[0], context) is { } dscp ? [TargetValues.FormatHex((ulong)dscp, 2)] : null,
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.RequireTable(context, Name, "mangle");
        if (TargetChecks.ExactlyOne(options, context, Name, "--set-dscp", "--set-dscp-class"))
            options[0] = new ExtensionOption("--set-dscp", options[0].Values);
    }
}
