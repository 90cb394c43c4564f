using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>What a rule's target does with the packet's path through its chain.</summary>
internal enum TargetFlow
{
    /// <summary>The packet goes on to the next rule (no target, <c>LOG</c>, <c>MARK</c>...).</summary>
    Continues,

    /// <summary>The packet gets a final verdict (<c>ACCEPT</c>, <c>DROP</c>, <c>REJECT</c>, <c>DNAT</c>...).</summary>
    Terminates,

    /// <summary><c>-j RETURN</c>: back to the caller.</summary>
    Returns,

    /// <summary><c>-j CHAIN</c>: into the chain, and back here unless it gives a verdict.</summary>
    Jumps,

    /// <summary><c>-g CHAIN</c>: into the chain, never back here.</summary>
    GoesTo,

    /// <summary>A target extension the graph does not know: it may or may not end the packet's path.</summary>
    Unknown,
}

/// <summary>Classifies targets by how they affect the path through a chain.</summary>
internal static class TargetFlows
{
    // Extensions whose kernel module returns a final verdict (NF_ACCEPT, NF_DROP, NF_QUEUE).
    private static readonly HashSet<string> Terminating = new(StringComparer.Ordinal)
    {
        "REJECT", "DNAT", "SNAT", "MASQUERADE", "REDIRECT", "NETMAP", "NFQUEUE", "TPROXY",
    };

    // Extensions whose kernel module returns XT_CONTINUE: they change or record the packet and go on.
    private static readonly HashSet<string> NonTerminating = new(StringComparer.Ordinal)
    {
        "LOG", "NFLOG", "ULOG", "MARK", "CONNMARK", "CT", "NOTRACK", "TRACE", "AUDIT", "CHECKSUM",
        "CLASSIFY", "DSCP", "TOS", "TTL", "HL", "ECN", "TCPMSS", "TCPOPTSTRIP", "SECMARK", "CONNSECMARK",
        "SET", "TEE", "IDLETIMER", "LED", "HMARK", "RATEEST", "CLUSTERIP", "DNPT", "SNPT",
    };

    public static TargetFlow Of(Target target) => target.Kind switch
    {
        TargetKind.None => TargetFlow.Continues,
        TargetKind.Verdict => target.Name == "RETURN" ? TargetFlow.Returns : TargetFlow.Terminates,
        TargetKind.Jump => TargetFlow.Jumps,
        TargetKind.Goto => TargetFlow.GoesTo,
        _ when Terminating.Contains(target.Name) => TargetFlow.Terminates,
        _ when NonTerminating.Contains(target.Name) => TargetFlow.Continues,
        _ => TargetFlow.Unknown,
    };
}
