using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j TRACE</c> (libxt_TRACE.c): marks the packet for rule tracing; no options.</summary>
internal sealed class TraceTargetDefinition : ExtensionDefinition
{
    public override string Name => "TRACE";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } = [];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        TargetChecks.RequireTable(context, Name, "raw");
}
