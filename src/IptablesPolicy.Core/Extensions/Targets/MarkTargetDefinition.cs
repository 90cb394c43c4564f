using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j MARK</c> (libxt_MARK.c, revision 2): exactly one of <c>--set-xmark</c>, <c>--set-mark</c>,
/// <c>--and-mark</c>, <c>--or-mark</c>, <c>--xor-mark</c>, all printed as <c>--set-xmark 0xVALUE/0xMASK</c>.
/// </summary>
internal sealed class MarkTargetDefinition : ExtensionDefinition
{
    private static readonly string[] Operations = ["--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark"];

    public override string Name => "MARK";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--set-xmark") { Normalize = XmarkValues.SetXmark },
        new OptionSpec("--set-mark") { Normalize = XmarkValues.SetMark },
        new OptionSpec("--and-mark") { Normalize = XmarkValues.AndMark },
        new OptionSpec("--or-mark") { Normalize = XmarkValues.OrMark },
        new OptionSpec("--xor-mark") { Normalize = XmarkValues.XorMark },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (TargetChecks.ExactlyOne(options, context, Name, Operations))
            options[0] = new ExtensionOption("--set-xmark", options[0].Values);
    }

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new MarkTarget(options);
}
