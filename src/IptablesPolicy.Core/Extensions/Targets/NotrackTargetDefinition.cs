using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j NOTRACK</c> (libxt_CT.c's alias of <c>CT --notrack</c>): no options, printed by its own name.</summary>
internal sealed class NotrackTargetDefinition : ExtensionDefinition
{
    public override string Name => "NOTRACK";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } = [];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        TargetChecks.RequireTable(context, Name, "raw");
}
