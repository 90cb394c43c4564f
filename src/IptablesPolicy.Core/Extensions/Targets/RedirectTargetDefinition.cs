using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j REDIRECT [--to-ports PORTS] [--random]</c>.</summary>
internal sealed class RedirectTargetDefinition : PortMapTargetDefinition
{
    public override string Name => "REDIRECT";

    protected override bool AllowsPortOffset => false;

    protected override string[] Hooks => ["PREROUTING", "OUTPUT"];

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        ToPorts,
        OptionSpec.Flag("--random"),
    ];

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new RedirectTarget(options);
}
