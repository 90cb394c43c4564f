namespace IptablesPolicy.Core.Model.Targets;

/// <summary><c>-j REJECT</c>: drops the packet and answers with an ICMP error or a TCP reset.</summary>
public sealed class RejectTarget : Target
{
    internal RejectTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "REJECT", options, isKnown: true)
    {
    }

    /// <summary>The answer sent (<c>icmp-port-unreachable</c>, <c>tcp-reset</c>...), as iptables-save names it.</summary>
    public string RejectWith => Option("--reject-with")?.Value ?? string.Empty;
}
