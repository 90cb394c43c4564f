using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j HL</c>: changes the IPv6 hop limit.</summary>
internal sealed class HlTargetDefinition : HopLimitTargetDefinition
{
    public override string Name => "HL";

    public override IpFamily Family => IpFamily.IPv6;

    protected override string Stem => "hl";
}
