using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j NETMAP --to ADDRESS[/PREFIX]</c> (libipt_NETMAP.c, libip6t_NETMAP.c): printed as network/prefix.</summary>
internal sealed class NetmapTargetDefinition : ExtensionDefinition
{
    public override string Name => "NETMAP";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--to") { Normalize = PrefixValues.Network("--to network") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.Require(options, context, Name, "--to");
        TargetChecks.RequireTable(context, Name, "nat");
    }
}
