using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m ecn</c> (libxt_ecn.c): the TCP ECE and CWR flags and the IP ECT code point. The kernel refuses
/// the TCP flags unless the rule says <c>-p tcp</c>.
/// </summary>
internal sealed class EcnMatchDefinition : ExtensionDefinition
{
    public override string Name => "ecn";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--ecn-tcp-ece") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--ecn-tcp-cwr") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--ecn-ip-ect") { CanNegate = true, Normalize = Numbers.Unsigned(0, 3, "--ecn-ip-ect") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, "--ecn-tcp-ece", "--ecn-tcp-cwr", "--ecn-ip-ect"))
            return;
        if ((options.Has("--ecn-tcp-ece") || options.Has("--ecn-tcp-cwr")) && !context.ProtocolIs("tcp"))
            context.Fail("match ecn: --ecn-tcp-ece and --ecn-tcp-cwr need -p tcp");
    }
}
