using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j SYNPROXY</c> (libxt_SYNPROXY.c): the TCP options the proxy announces, in the order
/// <c>--sack-perm --timestamp --wscale --mss --ecn</c>. The kernel refuses it without <c>-p tcp</c>.
/// </summary>
internal sealed class SynproxyTargetDefinition : ExtensionDefinition
{
    public override string Name => "SYNPROXY";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Flag("--sack-perm"),
        OptionSpec.Flag("--timestamp"),
        new OptionSpec("--wscale") { Normalize = TargetValues.Decimal(0, uint.MaxValue, "window scale") },
        new OptionSpec("--mss") { Normalize = TargetValues.Decimal(0, uint.MaxValue, "MSS") },
        OptionSpec.Flag("--ecn"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        TargetChecks.RequireProtocol(context, Name, "tcp");
}
