using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m state --state LIST</c> (libxt_conntrack.c's state alias): INVALID, NEW, ESTABLISHED, RELATED
/// and UNTRACKED, saved in the kernel's bit order. <c>--state</c> is required.
/// </summary>
internal sealed class StateMatchDefinition : ExtensionDefinition
{
    public override string Name => "state";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--state")
        {
            CanNegate = true,
            Normalize = (values, context) => ConntrackNames.ParseStates(values[0], natStates: false, "--state", context) is { } states ? [ConntrackNames.Render(states)] : null,
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0 && !context.HasErrors)
            context.Fail("match state needs --state, such as --state ESTABLISHED,RELATED");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new StateMatch(options);
}
