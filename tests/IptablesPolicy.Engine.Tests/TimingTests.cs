using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Engine.Tests;

public class TimingTests
{
    // Busy rather than asleep: a script may not reach Thread.Sleep, and a busy policy is what a slow one looks like.
    private const string Slow = """
        var slow = new PolicyDescriptor("ACME9001", "Slow", "slow", "Test", Severity.Note);
        var until = DateTime.UtcNow.AddMilliseconds(250);
        while (DateTime.UtcNow < until) { }
        """;

    private const string Quick = """
        var quick = new PolicyDescriptor("ACME9002", "Quick", "quick", "Test", Severity.Note);
        var other = new PolicyDescriptor("ACME9003", "Quick too", "quick too", "Test", Severity.Note);
        """;

    [Test]
    public void Runs_are_not_timed_unless_asked()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("quick.csx", Quick);

        workspace.Check(Rulesets.Filter, "quick.csx").Timings.ShouldBeEmpty();
    }

    [Test]
    public void Each_policy_is_timed_over_each_snapshot_slowest_first()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("slow.csx", Slow);
        workspace.Write("quick.csx", Quick);
        var engine = workspace.Engine(measureTime: true);
        var policies = engine.Load(new[] { "quick.csx", "slow.csx" }.Select(p => PolicySource.FromFile(Path.Combine(workspace.Root, p))));

        var timings = engine.Check(policies, [PolicyWorkspace.Snapshot(Rulesets.Filter, "a.v4"), PolicyWorkspace.Snapshot(Rulesets.Filter, "b.v4")]).Timings;

        timings.Count.ShouldBe(4);
        timings.Select(t => t.Elapsed).ShouldBeInOrder(SortDirection.Descending);
        timings.Take(2).ShouldAllBe(t => t.PolicyPath.EndsWith("slow.csx") && t.Elapsed >= TimeSpan.FromMilliseconds(250));
        timings.Take(2).Select(t => t.SnapshotPath).Order().ShouldBe(["a.v4", "b.v4"]);
        timings.Skip(2).ShouldAllBe(t => t.PolicyPath.EndsWith("quick.csx") && t.Ids.SequenceEqual(new[] { "ACME9002", "ACME9003" }));
    }
}
