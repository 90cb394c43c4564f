namespace IptablesPolicy.TestData;

/// <summary>
/// SplitMix64: a tiny pseudo-random generator whose sequence is fixed by its seed on every runtime and
/// version. <see cref="Random"/> documents no such guarantee, and generated files must stay byte-identical.
/// </summary>
public sealed class DeterministicRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) =>
        maxExclusive <= 0 ? throw new ArgumentOutOfRangeException(nameof(maxExclusive)) : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>True with the given chance in percent.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>One element of <paramref name="items"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
