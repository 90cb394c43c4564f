using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Engine.Tests;

public class CompileCacheTests
{
    private const string Policy = """
        var d = new PolicyDescriptor("ACME001", "t", "{0} rules", "c", Severity.Note);
        Report(d, Snapshot, Rules.Count());
        """;

    [Test]
    public void A_second_load_compiles_nothing_and_gives_the_same_findings()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("acme.csx", Policy);

        var first = workspace.Engine().Load([PolicySource.FromFile(Path.Combine(workspace.Root, "acme.csx"))]);
        var engine = workspace.Engine();
        var second = engine.Load([PolicySource.FromFile(Path.Combine(workspace.Root, "acme.csx"))]);

        first.CompiledCount.ShouldBe(1);
        second.CompiledCount.ShouldBe(0);
        second.FromCacheCount.ShouldBe(1);
        second.Descriptors.ShouldBe(first.Descriptors);
        engine.Check(second, [PolicyWorkspace.Snapshot(Rulesets.Filter)]).Findings.ShouldHaveSingleItem().Message.ShouldBe("2 rules");
    }

    [Test]
    public void Compile_failures_are_cached_too()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("broken.csx", "var x = ;");

        workspace.Load("broken.csx").CompiledCount.ShouldBe(1);
        var again = workspace.Load("broken.csx");

        again.CompiledCount.ShouldBe(0);
        again.Faults.ShouldHaveSingleItem().Message.ShouldStartWith("CS1525");
    }

    [Test]
    public void Editing_the_script_or_allowing_restricted_apis_changes_the_key()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("acme.csx", Policy);
        workspace.Load("acme.csx");

        workspace.Write("acme.csx", Policy + "\n// edited\n");
        workspace.Load("acme.csx").CompiledCount.ShouldBe(1);
        workspace.Engine(allowUnrestricted: true).Load([PolicySource.FromFile(Path.Combine(workspace.Root, "acme.csx"))]).CompiledCount.ShouldBe(1);
    }

    [Test]
    public void Concurrent_runs_share_one_cache_entry_safely()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("acme.csx", Policy);

        var sets = Enumerable.Range(0, 4).AsParallel()
            .Select(_ => workspace.Engine().Load([PolicySource.FromFile(Path.Combine(workspace.Root, "acme.csx"))]))
            .ToArray();

        sets.ShouldAllBe(s => s.Faults.Count == 0 && s.Policies.Count == 1);
        var entries = Directory.GetDirectories(Path.Combine(workspace.CacheDirectory, "v1"));
        entries.Length.ShouldBe(1);
        Path.GetFileName(entries[0]).ShouldNotStartWith(".tmp");
    }

    [Test]
    public void A_damaged_cache_entry_is_compiled_again()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("acme.csx", Policy);
        workspace.Load("acme.csx");
        var entry = Directory.GetDirectories(Path.Combine(workspace.CacheDirectory, "v1")).Single();
        File.WriteAllText(Path.Combine(entry, "policy.json"), "{ not json");

        var set = workspace.Load("acme.csx");

        set.CompiledCount.ShouldBe(1);
        set.Faults.ShouldBeEmpty();
    }
}
