using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// The IP protocols (numbers 0 to 255) a rule matches: <c>-p tcp</c> is {6}, <c>! -p udp</c> every number
/// but 17, no <c>-p</c> (or <c>-p all</c>) every protocol. Immutable; compares by value.
/// </summary>
public sealed class ProtocolSet : IEquatable<ProtocolSet>
{
    private const int MaxProtocol = 255;

    private readonly IntervalSet set;

    private ProtocolSet(IntervalSet set) => this.set = set;

    /// <summary>Every protocol: what a rule without <c>-p</c> matches.</summary>
    public static ProtocolSet Any { get; } = new(IntervalSet.Full(MaxProtocol));

    /// <summary>No protocol at all.</summary>
    public static ProtocolSet None { get; } = new(IntervalSet.Empty(MaxProtocol));

    /// <summary>The set holding the given protocol numbers (6 for tcp).</summary>
    public static ProtocolSet Of(params IEnumerable<int> numbers) =>
        new(IntervalSet.Of(MaxProtocol, numbers.Select(n => ((UInt128)(uint)n, (UInt128)(uint)n))));

    /// <summary>
    /// The set of one protocol as <c>-p</c> names it: a name in any case (<c>tcp</c>, <c>gre</c>,
    /// <c>ipv6-icmp</c>) or a number; <c>all</c> and <c>0</c> mean every protocol. Null when iptables'
    /// table and the IANA keywords do not know the name.
    /// </summary>
    public static ProtocolSet? TryParse(string protocol)
    {
        if (!ProtocolNames.TryParse(protocol, out var number))
            return null;
        return number == 0 ? Any : Of(number);
    }

    /// <summary>The protocol numbers in the set, in increasing order.</summary>
    public IReadOnlyList<int> Numbers => field ??= [.. Enumerate()];

    /// <summary>True when every protocol is in the set: the rule does not restrict the protocol.</summary>
    public bool IsAny => set.IsFull;

    /// <summary>True when no protocol is in the set: the rule matches no packet.</summary>
    public bool IsEmpty => set.IsEmpty;

    /// <summary>True when the protocol number is in the set.</summary>
    public bool Contains(int number) => number is >= 0 and <= MaxProtocol && set.Contains((uint)number);

    /// <summary>True when the protocol, by name or number as <c>-p</c> takes it, is in the set; false for a name no table knows.</summary>
    public bool Contains(string protocol) => ProtocolNames.TryParse(protocol, out var number) && Contains(number);

    /// <summary>True when every protocol of this set is also in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(ProtocolSet other) => set.IsSubsetOf(other.set);

    /// <summary>The protocols in both sets.</summary>
    public ProtocolSet Intersect(ProtocolSet other) => new(set.Intersect(other.set));

    /// <summary>The protocols not in this set.</summary>
    public ProtocolSet Complement() => new(set.Complement());

    /// <inheritdoc/>
    public bool Equals(ProtocolSet? other) => other is not null && set.Equals(other.set);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ProtocolSet);

    /// <inheritdoc/>
    public override int GetHashCode() => set.GetHashCode();

    /// <summary>Renders the set with the names iptables-save prints: <c>tcp</c>, <c>tcp,udp</c>, <c>! udp</c>, <c>any</c> or <c>none</c>.</summary>
    public override string ToString() => set.Render((first, last) => string.Join(",", Range(first, last).Select(ProtocolNames.Canonical)));

    private IEnumerable<int> Enumerate()
    {
        foreach (var (first, last) in set.Intervals.ToArray())
        {
            foreach (var number in Range(first, last))
                yield return number;
        }
    }

    private static IEnumerable<int> Range(UInt128 first, UInt128 last) => Enumerable.Range((int)(uint)first, (int)(uint)(last - first) + 1);
}
