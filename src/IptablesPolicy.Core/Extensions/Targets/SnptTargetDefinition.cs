namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j SNPT</c>: source prefix translation.</summary>
internal sealed class SnptTargetDefinition : NptTargetDefinition
{
    public override string Name => "SNPT";
}
