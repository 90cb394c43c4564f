using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j MASQUERADE [--to-ports PORTS] [--random] [--random-fully]</c>.</summary>
internal sealed class MasqueradeTargetDefinition : PortMapTargetDefinition
{
    public override string Name => "MASQUERADE";

    protected override bool AllowsPortOffset => true;

    protected override string[] Hooks => ["POSTROUTING"];

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        ToPorts,
        OptionSpec.Flag("--random"),
        OptionSpec.Flag("--random-fully"),
    ];

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new MasqueradeTarget(options);
}
