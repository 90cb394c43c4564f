using IptablesPolicy.Core.Model;
using IptablesPolicy.TestInfrastructure;
using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>The chain graph of real output: the AKS example ruleset and the user's notes.</summary>
[TestFixture]
public sealed class RealRulesetGraphTests
{
    private static readonly string[] Canaries = ["KUBE-KUBELET-CANARY", "KUBE-PROXY-CANARY"];

    private static IEnumerable<TestCaseData> Files()
    {
        foreach (var name in new[] { "aks-node.v4", "many-modules.v4", "many-modules.v6" })
            yield return new TestCaseData(Path.Combine(RepositoryPaths.Examples, "rulesets", name)).SetArgDisplayNames(name);
        foreach (var name in new[] { "000_7eccdfa7ea153e65.txt", "001_7e089b313214aa99.txt" })
            yield return new TestCaseData(Path.Combine(RepositoryPaths.Seeds, name)).SetArgDisplayNames(name);
    }

    private static IReadOnlyList<Snapshot> Read(string path)
    {
        Prerequisites.Require(File.Exists(path), $"ruleset not found at {path}");
        return SnapshotReader.ReadFile(path);
    }

    private static SnapshotGraph AksNode() => SnapshotGraph.For(Read(Path.Combine(RepositoryPaths.Examples, "rulesets", "aks-node.v4")).Single());

    [Test]
    public void Aks_node_has_only_the_kube_proxy_canaries_as_orphans_and_nothing_broken()
    {
        var graph = AksNode();
        graph.Orphans.Select(c => c.ToString()).ShouldBe(["filter/KUBE-KUBELET-CANARY", "filter/KUBE-PROXY-CANARY", "nat/KUBE-KUBELET-CANARY", "nat/KUBE-PROXY-CANARY"]);
        graph.UnreachableRules.ShouldBeEmpty();
        graph.Cycles.ShouldBeEmpty();
        graph.MissingTargets.ShouldBeEmpty();
    }

    [Test]
    public void Aks_node_service_chain_is_called_from_the_cluster_ip_and_the_node_port_paths()
    {
        var nat = AksNode().Find("nat")!;
        nat.CallersOf("KUBE-SVC-2CMXP7HKUVJN7L6M").Select(c => c.Caller.Name).ShouldBe(["KUBE-EXT-2CMXP7HKUVJN7L6M", "KUBE-SERVICES"]);
        nat.CalleesOf("KUBE-SVC-2CMXP7HKUVJN7L6M").Select(c => c.CalleeName).ShouldBe(["KUBE-MARK-MASQ", "KUBE-SEP-RPYTXMYI33B6SF5E"]);
        nat.CallersOf("KUBE-MARK-MASQ").Count.ShouldBe(3);
        nat.IsReachable("KUBE-SEP-WIRESERVER00000001").ShouldBeTrue();
    }

    [TestCase("nat", "KUBE-POSTROUTING", TriState.No, TestName = "KUBE-POSTROUTING returns unmarked packets")]
    [TestCase("nat", "KUBE-MARK-MASQ", TriState.No, TestName = "KUBE-MARK-MASQ only marks")]
    [TestCase("nat", "KUBE-SEP-RPYTXMYI33B6SF5E", TriState.No, TestName = "a KUBE-SEP DNATs tcp only")]
    [TestCase("filter", "KUBE-FORWARD", TriState.No, TestName = "KUBE-FORWARD accepts marked or established packets only")]
    [TestCase("filter", "FORWARD", TriState.Yes, TestName = "FORWARD ends in its policy")]
    public void Aks_node_chain_endings(string table, string chain, TriState expected) =>
        AksNode().Find(table)!.AlwaysEndsInVerdict(chain).ShouldBe(expected);

    [Test]
    public void Seed_listing_pasted_without_the_mark_match_shadows_the_rest_of_forward()
    {
        // The notes' `iptables -vnL` shows KUBE-FORWARD's second rule as a bare ACCEPT, so as pasted every
        // packet FORWARD sends there gets a verdict and FORWARD's later rules are never reached.
        var listing = Read(Path.Combine(RepositoryPaths.Seeds, "000_7eccdfa7ea153e65.txt"))[0];
        var filter = SnapshotGraph.For(listing).Find("filter")!;
        filter.AlwaysEndsInVerdict("KUBE-FORWARD").ShouldBe(TriState.Yes);
        filter.UnreachableRules.Describe().ShouldBe(["FORWARD#3 by #2", "FORWARD#4 by #2", "FORWARD#5 by #2", "FORWARD#6 by #2", "KUBE-FORWARD#3 by #2"]);
    }

    [Test]
    public void Seed_save_fragment_jumps_to_a_chain_it_was_cut_before()
    {
        var fragment = Read(Path.Combine(RepositoryPaths.Seeds, "000_7eccdfa7ea153e65.txt"))[1];
        SnapshotGraph.For(fragment).IsPartial.ShouldBeTrue();
        AksNode().IsPartial.ShouldBeFalse();
        SnapshotGraph.For(fragment).MissingTargets.Select(c => (c.Caller.Name, c.CalleeName))
            .ShouldBe([("KUBE-SEP-RPYTXMYI33B6SF5E", "KUBE-MARK-MASQ"), ("KUBE-SVC-2CMXP7HKUVJN7L6M", "KUBE-MARK-MASQ")]);
    }

    [Test]
    public void Asking_whether_a_snapshot_is_partial_builds_no_table_graph()
    {
        var graph = AksNode();

        graph.IsPartial.ShouldBeFalse();

        graph.HasBuiltTables.ShouldBeFalse("a policy that only asks this must not build, or wait for, the graphs");
        graph.Tables.Select(t => t.Table.Name).ShouldBe(graph.Snapshot.Tables.Select(t => t.Name));
        graph.HasBuiltTables.ShouldBeTrue();
        graph.UnreachableRules.ShouldBe(graph.Tables.SelectMany(t => t.UnreachableRules));
        graph.Orphans.ShouldBe(graph.Tables.SelectMany(t => t.Orphans));
        graph.MissingTargets.ShouldBe(graph.Tables.SelectMany(t => t.MissingTargets));
        graph.Cycles.ShouldBe(graph.Tables.SelectMany(t => t.Cycles));
    }

    [Test]
    public void Eks_listing_has_only_the_canaries_as_orphans()
    {
        var graph = SnapshotGraph.For(Read(Path.Combine(RepositoryPaths.Seeds, "001_7e089b313214aa99.txt")).Single());
        graph.Orphans.Select(c => c.Name).ShouldBe(Canaries);
        graph.UnreachableRules.ShouldBeEmpty();
        graph.MissingTargets.ShouldBeEmpty();
    }

    [TestCaseSource(nameof(Files))]
    public void Graph_is_consistent_with_the_rules(string path)
    {
        foreach (var snapshot in Read(path))
        {
            foreach (var graph in SnapshotGraph.For(snapshot).Tables)
            {
                graph.Cycles.ShouldBeEmpty();
                foreach (var chain in graph.Table.Chains)
                {
                    if (chain.IsBuiltIn)
                        graph.IsReachable(chain).ShouldBeTrue();
                    foreach (var call in graph.CalleesOf(chain))
                    {
                        graph.CallersOf(call.CalleeName).ShouldContain(call);
                        if (graph.IsReachable(call.Rule) && call.Callee is { } callee)
                            graph.IsReachable(callee).ShouldBeTrue($"{callee} is called by reachable {call}");
                    }
                }
                foreach (var unreachable in graph.UnreachableRules)
                {
                    unreachable.CutOffBy.Chain.ShouldBeSameAs(unreachable.Rule.Chain);
                    unreachable.CutOffBy.Position.ShouldBeLessThan(unreachable.Rule.Position);
                }
            }
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Graph_is_the_same_for_the_same_input(string path)
    {
        static string Describe(Snapshot snapshot) => string.Join("\n", SnapshotGraph.For(snapshot).Tables.Select(t =>
            $"{t}|{string.Join(",", t.Orphans)}|{string.Join(",", t.UnreachableRules)}|{string.Join(",", t.MissingTargets)}|" +
            string.Join(",", t.Table.Chains.Select(c => $"{c.Name}={t.AlwaysEndsInVerdict(c)}:{string.Join("/", t.CallersOf(c))}"))));
        Read(path).Select(Describe).ShouldBe(Read(path).Select(Describe));
    }

    [Test]
    public void The_graph_is_built_once_per_snapshot()
    {
        var snapshot = Read(Path.Combine(RepositoryPaths.Examples, "rulesets", "aks-node.v4")).Single();
        SnapshotGraph.For(snapshot).ShouldBeSameAs(SnapshotGraph.For(snapshot));
        SnapshotGraph.For(snapshot).Find("nat").ShouldBeSameAs(TableGraph.For(snapshot.FindTable("nat")!));
        SnapshotGraph.For(snapshot).Find("raw").ShouldBeNull();
    }
}
