using IptablesPolicy.Core.Views.Effective;

namespace IptablesPolicy.Core.Tests.Views.Effective;

/// <summary>The interval algebra behind every effective set, checked against plain sets of small numbers.</summary>
[TestFixture]
public sealed class IntervalSetTests
{
    private const int Max = 63;

    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 40);

    [TestCaseSource(nameof(Seeds))]
    public void Operations_agree_with_sets_of_members(int seed)
    {
        var random = new Random(seed);
        var (a, aMembers) = RandomSet(random);
        var (b, bMembers) = RandomSet(random);

        Members(a).ShouldBe(aMembers.Order());
        Members(a.Complement()).ShouldBe(Enumerable.Range(0, Max + 1).Except(aMembers).Order());
        Members(a.Intersect(b)).ShouldBe(aMembers.Intersect(bMembers).Order());
        a.IsSubsetOf(b).ShouldBe(aMembers.IsSubsetOf(bMembers));
        a.IsEmpty.ShouldBe(aMembers.Count == 0);
        a.IsFull.ShouldBe(aMembers.Count == Max + 1);
        a.Equals(IntervalSet.Of(Max, aMembers.Select(m => ((UInt128)(uint)m, (UInt128)(uint)m)))).ShouldBeTrue();
        for (var value = 0; value <= Max; value++)
            a.Contains((uint)value).ShouldBe(aMembers.Contains(value));
        // Never two intervals that touch: a subset test relies on it.
        var intervals = a.Intervals.ToArray();
        for (var i = 1; i < intervals.Length; i++)
            (intervals[i].First > intervals[i - 1].Last + 1).ShouldBeTrue();
    }

    [Test]
    public void The_full_128_bit_range_has_no_overflow()
    {
        var full = IntervalSet.Full(UInt128.MaxValue);
        full.Complement().IsEmpty.ShouldBeTrue();
        full.Complement().Complement().IsFull.ShouldBeTrue();
        var top = IntervalSet.Of(UInt128.MaxValue, [(UInt128.MaxValue - 1, UInt128.MaxValue), (0, 5)]);
        top.Complement().Intervals.ToArray().ShouldBe([((UInt128)6, UInt128.MaxValue - 2)]);
        top.Contains(UInt128.MaxValue).ShouldBeTrue();
    }

    private static (IntervalSet Set, HashSet<int> Members) RandomSet(Random random)
    {
        var ranges = new List<(UInt128, UInt128)>();
        var members = new HashSet<int>();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            var first = random.Next(0, Max + 1);
            var last = Math.Min(Max, first + random.Next(0, 12));
            ranges.Add(((uint)first, (uint)last));
            members.UnionWith(Enumerable.Range(first, last - first + 1));
        }
        return (IntervalSet.Of(Max, ranges), members);
    }

    private static IEnumerable<int> Members(IntervalSet set) =>
        Enumerable.Range(0, Max + 1).Where(v => set.Contains((uint)v));
}
