namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// An immutable set of integers from 0 to <see cref="Max"/>, held as sorted, disjoint, non-adjacent
/// inclusive intervals. The one algebra behind ports, protocols, ICMP types and addresses (as 128-bit
/// numbers), so every public set negates, intersects and compares the same way.
/// </summary>
internal sealed class IntervalSet : IEquatable<IntervalSet>
{
    private readonly (UInt128 First, UInt128 Last)[] intervals;

    private IntervalSet(UInt128 max, (UInt128 First, UInt128 Last)[] intervals)
    {
        Max = max;
        this.intervals = intervals;
    }

    /// <summary>The largest value of the universe.</summary>
    public UInt128 Max { get; }

    /// <summary>The intervals, sorted, disjoint and never adjacent.</summary>
    public ReadOnlySpan<(UInt128 First, UInt128 Last)> Intervals => intervals;

    /// <summary>The number of intervals.</summary>
    public int Count => intervals.Length;

    public bool IsEmpty => intervals.Length == 0;

    public bool IsFull => intervals.Length == 1 && intervals[0].First == 0 && intervals[0].Last == Max;

    public static IntervalSet Empty(UInt128 max) => new(max, []);

    public static IntervalSet Full(UInt128 max) => new(max, [(0, max)]);

    /// <summary>The set holding the given intervals, in any order, overlapping or not; an interval whose first exceeds its last is empty.</summary>
    public static IntervalSet Of(UInt128 max, IEnumerable<(UInt128 First, UInt128 Last)> ranges)
    {
        // Most sets are one port, one network or one protocol: skip the sort.
        if (ranges.TryGetNonEnumeratedCount(out var count) && count == 1)
        {
            var (first, last) = ranges.First();
            return first > last || first > max ? new IntervalSet(max, []) : new IntervalSet(max, [(first, last > max ? max : last)]);
        }
        var sorted = ranges.Where(r => r.First <= r.Last && r.First <= max)
            .Select(r => (r.First, Last: r.Last > max ? max : r.Last))
            .OrderBy(r => r.First)
            .ToList();
        var merged = new List<(UInt128 First, UInt128 Last)>(sorted.Count);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && (merged[^1].Last == UInt128.MaxValue || range.First <= merged[^1].Last + 1))
            {
                if (range.Last > merged[^1].Last)
                    merged[^1] = (merged[^1].First, range.Last);
            }
            else
            {
                merged.Add(range);
            }
        }
        return new IntervalSet(max, merged.ToArray());
    }

    public bool Contains(UInt128 value)
    {
        int low = 0, high = intervals.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (value < intervals[middle].First)
                high = middle - 1;
            else if (value > intervals[middle].Last)
                low = middle + 1;
            else
                return true;
        }
        return false;
    }

    public IntervalSet Complement()
    {
        var result = new List<(UInt128 First, UInt128 Last)>(intervals.Length + 1);
        UInt128 next = 0;
        var atEnd = false;
        foreach (var (first, last) in intervals)
        {
            if (first > next)
                result.Add((next, first - 1));
            if (last == Max)
            {
                atEnd = true;
                break;
            }
            next = last + 1;
        }
        if (!atEnd)
            result.Add((next, Max));
        return new IntervalSet(Max, result.ToArray());
    }

    public IntervalSet Intersect(IntervalSet other)
    {
        if (IsFull)
            return other;
        if (other.IsFull)
            return this;
        var result = new List<(UInt128 First, UInt128 Last)>();
        int i = 0, j = 0;
        while (i < intervals.Length && j < other.intervals.Length)
        {
            var first = UInt128.Max(intervals[i].First, other.intervals[j].First);
            var last = UInt128.Min(intervals[i].Last, other.intervals[j].Last);
            if (first <= last)
                result.Add((first, last));
            if (intervals[i].Last < other.intervals[j].Last)
                i++;
            else
                j++;
        }
        return new IntervalSet(Max, result.ToArray());
    }

    public bool IsSubsetOf(IntervalSet other)
    {
        if (ReferenceEquals(this, other) || other.IsFull || intervals.Length == 0)
            return true;
        // Each interval of this set must lie inside one interval of the other: the other's are never adjacent.
        var j = 0;
        foreach (var (first, last) in intervals)
        {
            while (j < other.intervals.Length && other.intervals[j].Last < first)
                j++;
            if (j == other.intervals.Length || other.intervals[j].First > first || other.intervals[j].Last < last)
                return false;
        }
        return true;
    }

    public bool Equals(IntervalSet? other) =>
        other is not null && Max == other.Max && intervals.AsSpan().SequenceEqual(other.intervals);

    public override bool Equals(object? obj) => Equals(obj as IntervalSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Max);
        foreach (var interval in intervals)
            hash.Add(interval);
        return hash.ToHashCode();
    }

    /// <summary>
    /// Renders the set as a list, or as <c>! list</c> when the complement is shorter, the way a rule would
    /// write it: <c>any</c> for the full set, <c>none</c> for the empty one.
    /// </summary>
    public string Render(Func<UInt128, UInt128, string> interval, string separator = ",")
    {
        if (IsFull)
            return "any";
        if (IsEmpty)
            return "none";
        var complement = Complement();
        return complement.Count < Count
            ? "! " + complement.RenderList(interval, separator)
            : RenderList(interval, separator);
    }

    private string RenderList(Func<UInt128, UInt128, string> interval, string separator) =>
        string.Join(separator, intervals.Select(r => interval(r.First, r.Last)));
}
