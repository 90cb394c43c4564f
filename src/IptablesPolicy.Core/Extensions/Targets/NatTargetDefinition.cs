using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j DNAT</c> and <c>-j SNAT</c> (libxt_NAT.c): one mandatory <c>--to-destination</c> or <c>--to-source</c>
/// range, printed as <c>sprint_range</c> does (service names become numbers, IPv6 in brackets before ports),
/// then the flags in the order <c>--random --random-fully --persistent</c>.
/// </summary>
internal abstract class NatTargetDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Target;

    /// <summary><c>--to-destination</c> or <c>--to-source</c>.</summary>
    protected abstract string RangeOption { get; }

    /// <summary>False for DNAT, which has no <c>--random-fully</c>.</summary>
    protected abstract bool HasRandomFully { get; }

    public override IReadOnlyList<OptionSpec> Options => field ??= BuildOptions();

    private List<OptionSpec> BuildOptions()
    {
        var options = new List<OptionSpec>
        {
            new(RangeOption, "--to")
            {
                Normalize = (values, context) =>
                    NatRangeParser.ParseTo(values[0], Family, context) is { } range ? [range.Format()] : null,
            },
            OptionSpec.Flag("--random"),
        };
        if (HasRandomFully)
            options.Add(OptionSpec.Flag("--random-fully"));
        options.Add(OptionSpec.Flag("--persistent"));
        return options;
    }

    /// <summary>The built-in chains (hooks) the kernel accepts the target in.</summary>
    protected abstract string[] Hooks { get; }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.Require(options, context, Name, RangeOption);
        if (TargetChecks.RequireTable(context, Name, "nat"))
            TargetChecks.RequireHook(context, Name, Hooks);
    }

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new NatTarget(Name, RangeOption, options);
}
