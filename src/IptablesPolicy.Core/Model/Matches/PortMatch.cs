namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m tcp</c>, <c>-m udp</c>, <c>-m sctp</c> or <c>-m dccp</c> (see <see cref="Match.Name"/>): the source
/// and destination port ranges a packet must have (and, for tcp, its flags). A range the rule does not
/// restrict is null.
/// </summary>
public sealed class PortMatch : Match
{
    internal PortMatch(string name, IReadOnlyList<ExtensionOption> options)
        : base(name, options, isKnown: true)
    {
    }

    /// <summary>The source ports (<c>--sport</c>), or null when any source port matches.</summary>
    public Negatable<PortRange>? SourcePorts => Ports("--sport");

    /// <summary>The destination ports (<c>--dport</c>), or null when any destination port matches.</summary>
    public Negatable<PortRange>? DestinationPorts => Ports("--dport");

    /// <summary>The TCP flags test as (mask, comparison), such as (<c>FIN,SYN,RST,ACK</c>, <c>SYN</c>) for <c>--syn</c>; null when absent.</summary>
    public Negatable<(string Mask, string Comparison)>? TcpFlags =>
        Option("--tcp-flags") is { Values.Count: 2 } o ? new((o.Values[0], o.Values[1]), o.IsNegated) : null;

    /// <summary>True when the rule matches only connection-opening segments: SYN set, ACK, RST and FIN clear.</summary>
    public bool IsSynOnly => TcpFlags is { IsNegated: false, Value: ("FIN,SYN,RST,ACK", "SYN") };

    private Negatable<PortRange>? Ports(string name) =>
        Option(name) is { } o && PortRange.TryParse(o.Value ?? string.Empty) is { } range ? new(range, o.IsNegated) : null;
}
