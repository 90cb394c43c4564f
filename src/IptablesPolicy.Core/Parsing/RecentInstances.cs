namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// One instance per distinct value among those seen lately: a fixed table of slots, each holding the last value of
/// its hash. Repeats in a ruleset come close together or from few distinct values (a service's comment on its
/// rules, the same port or statistic mode on thousands), so a bounded table shares nearly all of them, and unlike
/// a dictionary of every value it never grows: growing tables are large-object allocations, and each of those
/// brought a full garbage collection closer while a large snapshot was read.
/// </summary>
internal sealed class RecentInstances<T>(IEqualityComparer<T> comparer)
    where T : class
{
    private const int SlotBits = 14;

    private readonly Slot[] slots = new Slot[1 << SlotBits];

    /// <summary>The instance equal to <paramref name="value"/> seen lately, or <paramref name="value"/> itself, now remembered.</summary>
    public T Intern(T value)
    {
        var hash = comparer.GetHashCode(value);
        ref var slot = ref slots[(int)((uint)hash * 0x9E3779B9u >> (32 - SlotBits))];
        if (slot.Value is { } seen && slot.Hash == hash && comparer.Equals(seen, value))
            return seen;
        slot = new Slot(hash, value);
        return value;
    }

    private readonly record struct Slot(int Hash, T? Value);
}
