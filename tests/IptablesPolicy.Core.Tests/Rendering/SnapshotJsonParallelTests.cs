using System.Text.Json;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;
using IptablesPolicy.TestInfrastructure;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Core.Tests.Rendering;

/// <summary>Large tables are written to JSON by several threads; the bytes must be those one thread writes.</summary>
[TestFixture]
public sealed class SnapshotJsonParallelTests
{
    private static IEnumerable<TestCaseData> Snapshots()
    {
        yield return new TestCaseData("generated 2000 services", SnapshotReader.Parse(KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 2000 }), "generated.v4"));
        // KUBE-SERVICES then has 5,001 rules, more than a round: its rules are split among the writers in
        // three rounds, the last one partial.
        yield return new TestCaseData("generated 5000 services", SnapshotReader.Parse(KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 5000 }), "generated.v4"));
        yield return new TestCaseData("aks-node.v4", SnapshotReader.ReadFile(Path.Combine(RepositoryPaths.Examples, "rulesets", "aks-node.v4"))[0]);
        yield return new TestCaseData("empty table", SnapshotReader.Parse("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n"));
    }

    [TestCaseSource(nameof(Snapshots))]
    public void Parallel_and_sequential_writers_give_the_same_bytes(string name, Snapshot snapshot)
    {
        var sequential = Write(snapshot, int.MaxValue);
        var parallel = Write(snapshot, 0);

        parallel.ShouldBe(sequential, name);
        Should.NotThrow(() => JsonDocument.Parse(parallel), "the document must be valid JSON");
    }

    private static string Write(Snapshot snapshot, int parallelTableRules)
    {
        using var stream = new MemoryStream();
        SnapshotJsonWriter.Write([snapshot], stream, parallelTableRules);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
