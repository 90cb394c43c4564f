using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// The shape of <c>-m icmp --icmp-type</c> (libipt_icmp.c) and <c>-m icmp6 --icmpv6-type</c>
/// (libip6t_icmp6.c): the type is required, names are saved as numbers, and a code is saved only when the
/// type does not cover every code (then only the first code of a range, as iptables-save does).
/// </summary>
internal abstract class IcmpMatchDefinitionBase : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Match;

    /// <summary>The type option's name.</summary>
    protected abstract string TypeOption { get; }

    /// <summary>The canonical name of the protocol <c>-p</c> must give.</summary>
    protected abstract string Protocol { get; }

    /// <summary>The names the family knows.</summary>
    protected abstract IcmpTypeNames Names { get; }

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        new OptionSpec(TypeOption)
        {
            CanNegate = true,
            Normalize = (values, context) => Names.Parse(values[0], context) is var (type, min, max)
                ? [IcmpTypeNames.Render(type, min, max, anyName: Family == IpFamily.IPv4)]
                : null,
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0 && !context.HasErrors)
            context.Fail($"match {Name} needs {TypeOption}");
        if (!context.ProtocolIs(Protocol))
            context.Fail($"match {Name} needs -p {Protocol} (and not negated)");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new IcmpMatch(Name, options);
}

/// <summary><c>-m icmp --icmp-type TYPE[/CODE]</c> in iptables; <c>any</c> matches every type.</summary>
internal sealed class IcmpMatchDefinition : IcmpMatchDefinitionBase
{
    public override string Name => "icmp";

    public override IpFamily Family => IpFamily.IPv4;

    protected override string TypeOption => "--icmp-type";

    protected override string Protocol => "icmp";

    protected override IcmpTypeNames Names => IcmpTypeNames.IPv4;
}
