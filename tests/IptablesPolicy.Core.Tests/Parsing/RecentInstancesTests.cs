using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Tests.Parsing;

/// <summary>The bounded table that shares repeated matches and targets: equal values seen lately are one instance.</summary>
[TestFixture]
public sealed class RecentInstancesTests
{
    [Test]
    public void An_equal_value_seen_lately_is_the_same_instance()
    {
        var table = new RecentInstances<string>(StringComparer.Ordinal);
        var first = table.Intern(new string('a', 3));

        table.Intern(new string('a', 3)).ShouldBeSameAs(first);
        table.Intern(new string('b', 3)).ShouldNotBeSameAs(first);
    }

    [Test]
    public void A_value_pushed_out_of_its_slot_is_kept_as_a_new_equal_instance()
    {
        // Every value hashes alike, so each one takes the slot of the one before.
        var table = new RecentInstances<string>(new SameHash());
        var first = table.Intern(new string('a', 3));
        table.Intern(new string('b', 3));

        var again = table.Intern(new string('a', 3));

        again.ShouldBe(first);
        again.ShouldNotBeSameAs(first);
        table.Intern(new string('a', 3)).ShouldBeSameAs(again);
    }

    private sealed class SameHash : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj) => 42;
    }
}
