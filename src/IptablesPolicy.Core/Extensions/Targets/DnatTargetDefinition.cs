using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j DNAT</c> in iptables (libxt_NAT.c, revision 2 allows <c>/BASE</c>).</summary>
internal sealed class DnatIPv4TargetDefinition : NatTargetDefinition
{
    public override string Name => "DNAT";

    public override IpFamily Family => IpFamily.IPv4;

    protected override string RangeOption => "--to-destination";

    protected override string[] Hooks => ["PREROUTING", "OUTPUT"];

    protected override bool HasRandomFully => false;
}

/// <summary><c>-j DNAT</c> in ip6tables.</summary>
internal sealed class DnatIPv6TargetDefinition : NatTargetDefinition
{
    public override string Name => "DNAT";

    public override IpFamily Family => IpFamily.IPv6;

    protected override string RangeOption => "--to-destination";

    protected override string[] Hooks => ["PREROUTING", "OUTPUT"];

    protected override bool HasRandomFully => false;
}
