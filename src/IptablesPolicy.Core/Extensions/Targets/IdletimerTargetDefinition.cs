using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j IDLETIMER --timeout SECONDS --label NAME [--alarm]</c> (libxt_IDLETIMER.c): timeout and label are
/// mandatory; the label holds at most 27 bytes.
/// </summary>
internal sealed class IdletimerTargetDefinition : ExtensionDefinition
{
    public override string Name => "IDLETIMER";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--timeout") { Normalize = TargetValues.Decimal(0, uint.MaxValue, "timeout in seconds") },
        new OptionSpec("--label") { Normalize = TargetValues.Text("--label", 0, 27) },
        OptionSpec.Flag("--alarm"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        TargetChecks.Require(options, context, Name, "--timeout", "--label");
}
