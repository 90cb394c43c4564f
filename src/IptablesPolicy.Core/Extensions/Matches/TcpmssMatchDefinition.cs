using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m tcpmss --mss MIN[:MAX]</c> (libxt_tcpmss.c): the MSS option of SYN segments; open ends mean 0
/// and 65535. The kernel accepts the match only with <c>-p tcp</c>.
/// </summary>
internal sealed class TcpmssMatchDefinition : ExtensionDefinition
{
    public override string Name => "tcpmss";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--mss") { CanNegate = true, Normalize = Numbers.Range(0, 65535, "--mss") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        options.RequireAny(context, Name, "--mss");
        if (!context.ProtocolIs("tcp"))
            context.Fail("match tcpmss needs -p tcp (and not ! -p tcp)");
    }
}
