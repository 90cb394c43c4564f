namespace IptablesPolicy.Core.Model.Matches;

/// <summary>The connection tracking states <c>--ctstate</c> and <c>--state</c> test; several may be set.</summary>
[Flags]
public enum ConnectionStates
{
    /// <summary>No state.</summary>
    None = 0,

    /// <summary><c>INVALID</c>: the packet belongs to no known connection.</summary>
    Invalid = 1,

    /// <summary><c>NEW</c>: the packet starts a connection.</summary>
    New = 2,

    /// <summary><c>RELATED</c>: the packet starts a connection related to an existing one (an FTP data channel, an ICMP error).</summary>
    Related = 4,

    /// <summary><c>ESTABLISHED</c>: the packet belongs to a connection that has seen packets both ways.</summary>
    Established = 8,

    /// <summary><c>UNTRACKED</c>: connection tracking was switched off for the packet (<c>-j NOTRACK</c>, <c>-j CT --notrack</c>).</summary>
    Untracked = 16,

    /// <summary><c>SNAT</c>: the connection's source was rewritten (conntrack only).</summary>
    Snat = 32,

    /// <summary><c>DNAT</c>: the connection's destination was rewritten (conntrack only).</summary>
    Dnat = 64,
}
