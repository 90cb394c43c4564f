using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j TEE --gateway ADDRESS [--oif NAME]</c> (libxt_TEE.c): the gateway is mandatory and cannot be negated.</summary>
internal sealed class TeeTargetDefinition : ExtensionDefinition
{
    public override string Name => "TEE";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--gateway") { Normalize = PrefixValues.Host("--gateway") },
        new OptionSpec("--oif") { Normalize = TargetValues.Text("--oif", 1, 15) },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        TargetChecks.Require(options, context, Name, "--gateway");
}
