namespace IptablesPolicy.Core.Model;

/// <summary>Packet and byte counters of a rule or of a built-in chain's policy.</summary>
/// <param name="Packets">The number of packets counted.</param>
/// <param name="Bytes">The number of bytes counted.</param>
public readonly record struct Counters(ulong Packets, ulong Bytes)
{
    /// <summary>Renders the counters as iptables-save prints them: <c>[packets:bytes]</c>.</summary>
    public override string ToString() => $"[{Packets}:{Bytes}]";
}
