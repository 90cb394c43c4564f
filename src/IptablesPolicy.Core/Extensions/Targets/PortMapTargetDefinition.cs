using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j MASQUERADE</c> and <c>-j REDIRECT</c> (libxt_NAT.c): an optional <c>--to-ports PORT[-PORT]</c>
/// (the rule needs a protocol with ports) and flags. Both families read them alike.
/// </summary>
internal abstract class PortMapTargetDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Target;

    /// <summary>False for REDIRECT, whose check (DNAT_fcheck) refuses a shifted port map.</summary>
    protected abstract bool AllowsPortOffset { get; }

    /// <summary>The built-in chains (hooks) the kernel accepts the target in.</summary>
    protected abstract string[] Hooks { get; }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (TargetChecks.RequireTable(context, Name, "nat"))
            TargetChecks.RequireHook(context, Name, Hooks);
    }

    protected OptionSpec ToPorts => new("--to-ports")
    {
        Normalize = (values, context) =>
        {
            if (NatRangeParser.ParsePorts(values[0], context) is not var (ports, offset))
                return null;
            if (offset is not null && !AllowsPortOffset)
            {
                context.Fail($"--to-ports of target {Name} takes no /BASE port offset (shifted port maps are for DNAT)");
                return null;
            }
            return [new NatRange(null, null, ports, offset).Format(portsOnly: true)];
        },
    };
}
