namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j DNPT</c>: destination prefix translation.</summary>
internal sealed class DnptTargetDefinition : NptTargetDefinition
{
    public override string Name => "DNPT";
}
