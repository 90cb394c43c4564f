using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j TTL</c>: changes the IPv4 time to live.</summary>
internal sealed class TtlTargetDefinition : HopLimitTargetDefinition
{
    public override string Name => "TTL";

    public override IpFamily Family => IpFamily.IPv4;

    protected override string Stem => "ttl";
}
