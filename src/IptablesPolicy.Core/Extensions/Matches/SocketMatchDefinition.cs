using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m socket</c> (libxt_socket.c, revision 3): a local socket owns the packet; flags
/// <c>--transparent</c>, <c>--nowildcard</c>, <c>--restore-skmark</c>. The kernel allows it only
/// where packets arrive (PREROUTING, INPUT).
/// </summary>
internal sealed class SocketMatchDefinition : ExtensionDefinition
{
    public override string Name => "socket";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Flag("--transparent"),
        OptionSpec.Flag("--nowildcard"),
        OptionSpec.Flag("--restore-skmark"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (Hooks.IsBuiltInOtherThan(context, "PREROUTING", "INPUT"))
            context.Fail($"match socket works only in PREROUTING and INPUT (the kernel refuses it in {context.Chain})");
    }
}
