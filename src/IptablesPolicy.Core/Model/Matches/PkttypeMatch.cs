namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m pkttype --pkt-type TYPE</c>: the link-layer packet type.</summary>
public sealed class PkttypeMatch : Match
{
    internal PkttypeMatch(IReadOnlyList<ExtensionOption> options)
        : base("pkttype", options, isKnown: true)
    {
    }

    /// <summary><c>unicast</c>, <c>broadcast</c>, <c>multicast</c> or <c>otherhost</c> (canonical names, aliases resolved), negated when the rule uses <c>!</c>.</summary>
    public Negatable<string> PacketType => Option("--pkt-type") is { Value: { } type } o ? new(type, o.IsNegated) : new(string.Empty, false);
}
