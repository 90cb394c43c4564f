using System.Runtime;

namespace IptablesPolicy.Cli.Tests;

public class CollectorBudgetTests
{
    private const long Plenty = 64L << 30;

    [Test]
    public void A_budget_sized_from_the_input_holds_the_collector_off_until_disposed()
    {
        int collectionsInside;
        using (var budget = CollectorBudget.For(1_000_000, Plenty))
        {
            budget.Bytes.ShouldBe(CollectorBudget.BaseBytes + (1_000_000 * CollectorBudget.BytesPerInputByte));
            budget.IsHeld.ShouldBeTrue();
            GCSettings.LatencyMode.ShouldBe(GCLatencyMode.NoGCRegion);
            collectionsInside = GC.CollectionCount(0);
            Allocate(32 << 20);
            GC.CollectionCount(0).ShouldBe(collectionsInside, "no collection inside the budget");
            budget.Describe(1_000_000).ShouldStartWith("116.7 MB for 1.0 MB of snapshots, not outgrown");
        }
        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        GC.Collect();
        GC.CollectionCount(0).ShouldBeGreaterThan(collectionsInside, "the collector runs again once the budget is disposed");
    }

    [Test]
    public void No_budget_when_the_input_needs_more_than_the_cap()
    {
        using var budget = CollectorBudget.For(100L << 20, Plenty);

        budget.Bytes.ShouldBe(0);
        budget.IsHeld.ShouldBeFalse();
        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        budget.Describe(100L << 20).ShouldStartWith("none for 104.9 MB of snapshots");
    }

    [Test]
    public void No_budget_beyond_an_eighth_of_the_memory_available()
    {
        using var budget = CollectorBudget.For(1_000_000, 512L << 20);

        budget.Bytes.ShouldBe(0);
        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
    }

    [Test]
    public void A_second_budget_is_not_taken_while_one_is_held_and_leaves_it_alone()
    {
        using var first = CollectorBudget.For(0, Plenty);
        var second = CollectorBudget.For(0, Plenty);

        second.Bytes.ShouldBe(0);
        second.Dispose();
        first.IsHeld.ShouldBeTrue();
        first.Dispose();
        first.Dispose();
        GCSettings.LatencyMode.ShouldNotBe(GCLatencyMode.NoGCRegion);
        using var third = CollectorBudget.For(0, Plenty);
        third.IsHeld.ShouldBeTrue();
    }

    [Test]
    public void An_outgrown_budget_lets_the_collector_run_and_ends_quietly()
    {
        var budget = CollectorBudget.For(0, Plenty);
        budget.IsHeld.ShouldBeTrue();

        Allocate(CollectorBudget.BaseBytes + (32 << 20));

        budget.IsHeld.ShouldBeFalse();
        budget.Describe(0).ShouldContain("outgrown: the collector ran as usual");
        Should.NotThrow(budget.Dispose);
        using var next = CollectorBudget.For(0, Plenty);
        next.IsHeld.ShouldBeTrue("a budget outgrown and disposed leaves room for the next");
    }

    /// <summary>Allocates <paramref name="bytes"/> in 1 MiB arrays kept by nobody.</summary>
    private static void Allocate(long bytes)
    {
        for (long done = 0; done < bytes; done += 1 << 20)
            GC.KeepAlive(new byte[1 << 20]);
    }
}
