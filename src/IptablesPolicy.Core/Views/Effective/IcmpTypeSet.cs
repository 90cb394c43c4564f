using System.Globalization;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// The ICMP or ICMPv6 messages, as (type, code) pairs, a rule matches: <c>--icmp-type 8</c> is type 8 with
/// any code, <c>--icmp-type 3/1</c> only code 1 of type 3, a negated type every other message, and a
/// rule without the match every message. Which ICMP it is follows from the rule's protocol.
/// Immutable; compares by value.
/// </summary>
public sealed class IcmpTypeSet : IEquatable<IcmpTypeSet>
{
    // A message is the number type * 256 + code, so "type 3, any code" is one interval.
    private const int MaxMessage = 0xFFFF;

    private readonly IntervalSet set;

    private IcmpTypeSet(IntervalSet set) => this.set = set;

    /// <summary>Every message: what a rule without an ICMP match matches.</summary>
    public static IcmpTypeSet Any { get; } = new(IntervalSet.Full(MaxMessage));

    /// <summary>No message at all.</summary>
    public static IcmpTypeSet None { get; } = new(IntervalSet.Empty(MaxMessage));

    /// <summary>The messages of one type, with every code or with only <paramref name="code"/>.</summary>
    public static IcmpTypeSet Of(int type, int? code = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)type, 255u, nameof(type));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)(code ?? 0), 255u, nameof(code));
        var first = (UInt128)(uint)((type << 8) | (code ?? 0));
        var last = (UInt128)(uint)((type << 8) | (code ?? 0xFF));
        return new IcmpTypeSet(IntervalSet.Of(MaxMessage, [(first, last)]));
    }

    /// <summary>True when every message is in the set: the rule does not restrict the ICMP type.</summary>
    public bool IsAny => set.IsFull;

    /// <summary>True when no message is in the set: the rule matches no packet.</summary>
    public bool IsEmpty => set.IsEmpty;

    /// <summary>True when the message of this type and code is in the set.</summary>
    public bool Contains(int type, int code) =>
        type is >= 0 and <= 255 && code is >= 0 and <= 255 && set.Contains((uint)((type << 8) | code));

    /// <summary>True when every code of the type is in the set.</summary>
    public bool ContainsEveryCodeOf(int type) => type is >= 0 and <= 255 && Of(type).IsSubsetOf(this);

    /// <summary>True when every message of this set is also in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(IcmpTypeSet other) => set.IsSubsetOf(other.set);

    /// <summary>The messages in both sets.</summary>
    public IcmpTypeSet Intersect(IcmpTypeSet other) => new(set.Intersect(other.set));

    /// <summary>The messages not in this set.</summary>
    public IcmpTypeSet Complement() => new(set.Complement());

    /// <inheritdoc/>
    public bool Equals(IcmpTypeSet? other) => other is not null && set.Equals(other.set);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IcmpTypeSet);

    /// <inheritdoc/>
    public override int GetHashCode() => set.GetHashCode();

    /// <summary>Renders the set as iptables-save writes types: <c>8</c>, <c>3/1</c>, <c>0,8</c>, <c>! 8</c>, <c>any</c> or <c>none</c>; a run of whole types as <c>3-5</c>.</summary>
    public override string ToString() => set.Render(Interval);

    private static string Interval(UInt128 first, UInt128 last)
    {
        var (firstType, firstCode) = ((int)(uint)first >> 8, (int)(uint)first & 0xFF);
        var (lastType, lastCode) = ((int)(uint)last >> 8, (int)(uint)last & 0xFF);
        if (firstCode == 0 && lastCode == 0xFF)
        {
            return firstType == lastType
                ? firstType.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{firstType}-{lastType}");
        }
        if (firstType == lastType)
        {
            return firstCode == lastCode
                ? string.Create(CultureInfo.InvariantCulture, $"{firstType}/{firstCode}")
                : string.Create(CultureInfo.InvariantCulture, $"{firstType}/{firstCode}-{lastCode}");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{firstType}/{firstCode}-{lastType}/{lastCode}");
    }
}
