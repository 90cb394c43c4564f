using System.Globalization;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// The TCP, UDP, SCTP or DCCP ports (0 to 65535) a rule lets through on one side of the connection,
/// after every <c>--sport</c>/<c>--dport</c>, multiport list and negation of the rule is applied.
/// Immutable; compares by value.
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    private const int MaxPort = 65535;

    private readonly IntervalSet set;

    private PortSet(IntervalSet set) => this.set = set;

    /// <summary>Every port: what a rule that does not test the port matches.</summary>
    public static PortSet Any { get; } = new(IntervalSet.Full(MaxPort));

    /// <summary>No port at all.</summary>
    public static PortSet None { get; } = new(IntervalSet.Empty(MaxPort));

    /// <summary>The set holding the given ranges (<c>PortSet.Of(new PortRange(1024, 65535))</c>).</summary>
    public static PortSet Of(params IEnumerable<PortRange> ranges) =>
        new(IntervalSet.Of(MaxPort, ranges.Select(r => ((UInt128)(uint)r.First, (UInt128)(uint)r.Last))));

    /// <summary>The set holding exactly the given ports (<c>PortSet.Of(80, 443)</c>).</summary>
    public static PortSet Of(params IEnumerable<int> ports) => Of(ports.Select(p => new PortRange(p, p)));

    /// <summary>The ranges of the set, in increasing order, disjoint and never adjacent.</summary>
    public IReadOnlyList<PortRange> Ranges => field ??= ToRanges();

    /// <summary>True when every port is in the set: the rule does not restrict this port.</summary>
    public bool IsAny => set.IsFull;

    /// <summary>True when no port is in the set: the rule matches no packet.</summary>
    public bool IsEmpty => set.IsEmpty;

    /// <summary>True when the port is in the set.</summary>
    public bool Contains(int port) => port is >= 0 and <= MaxPort && set.Contains((uint)port);

    /// <summary>True when every port of this set is also in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(PortSet other) => set.IsSubsetOf(other.set);

    /// <summary>The ports in both sets.</summary>
    public PortSet Intersect(PortSet other) => new(set.Intersect(other.set));

    /// <summary>The ports not in this set.</summary>
    public PortSet Complement() => new(set.Complement());

    /// <inheritdoc/>
    public bool Equals(PortSet? other) => other is not null && set.Equals(other.set);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PortSet);

    /// <inheritdoc/>
    public override int GetHashCode() => set.GetHashCode();

    /// <summary>Renders the set as a multiport list would: <c>22</c>, <c>80,443</c>, <c>1024:65535</c>, <c>! 22</c>, <c>any</c> or <c>none</c>.</summary>
    public override string ToString() => set.Render((first, last) => first == last
        ? ((uint)first).ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{(uint)first}:{(uint)last}"));

    private PortRange[] ToRanges()
    {
        var result = new PortRange[set.Count];
        var i = 0;
        foreach (var (first, last) in set.Intervals)
            result[i++] = new PortRange((int)(uint)first, (int)(uint)last);
        return result;
    }
}
