using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary><c>-m icmp6 --icmpv6-type TYPE[/CODE]</c> in ip6tables.</summary>
internal sealed class Icmp6MatchDefinition : IcmpMatchDefinitionBase
{
    public override string Name => "icmp6";

    public override IpFamily Family => IpFamily.IPv6;

    protected override string TypeOption => "--icmpv6-type";

    protected override string Protocol => "ipv6-icmp";

    protected override IcmpTypeNames Names => IcmpTypeNames.IPv6;
}
