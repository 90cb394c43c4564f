using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j SNAT</c> in iptables.</summary>
internal sealed class SnatIPv4TargetDefinition : NatTargetDefinition
{
    public override string Name => "SNAT";

    public override IpFamily Family => IpFamily.IPv4;

    protected override string RangeOption => "--to-source";

    protected override string[] Hooks => ["POSTROUTING", "INPUT"];

    protected override bool HasRandomFully => true;
}

/// <summary><c>-j SNAT</c> in ip6tables.</summary>
internal sealed class SnatIPv6TargetDefinition : NatTargetDefinition
{
    public override string Name => "SNAT";

    public override IpFamily Family => IpFamily.IPv6;

    protected override string RangeOption => "--to-source";

    protected override string[] Hooks => ["POSTROUTING", "INPUT"];

    protected override bool HasRandomFully => true;
}
