using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>Callers, callees, orphans, loops and missing chains of small hand-written tables.</summary>
[TestFixture]
public sealed class ChainReachabilityTests
{
    [Test]
    public void Callers_and_callees_are_the_jumping_rules_in_table_order()
    {
        var graph = Graphs.Filter("A B",
            "-A INPUT -p tcp -j A",
            "-A INPUT -p udp -g B",
            "-A FORWARD -j A",
            "-A A -j B",
            "-A A -j ACCEPT");
        graph.CallersOf("A").Select(c => (c.Caller.Name, c.Rule.Position, c.IsGoto)).ShouldBe([("INPUT", 1, false), ("FORWARD", 1, false)]);
        graph.CallersOf(graph.Chain("B")).Select(c => (c.Caller.Name, c.IsGoto)).ShouldBe([("INPUT", true), ("A", false)]);
        graph.CalleesOf("INPUT").Select(c => c.Callee!.Name).ShouldBe(["A", "B"]);
        graph.CalleesOf("B").ShouldBeEmpty();
        graph.CallersOf("INPUT").ShouldBeEmpty();
        graph.Chain("A").Callers().Count.ShouldBe(2);
        graph.Chain("A").Callees().ShouldHaveSingleItem().CalleeName.ShouldBe("B");
    }

    [Test]
    public void A_chain_nothing_jumps_to_is_an_orphan()
    {
        var graph = Graphs.Filter("USED UNUSED",
            "-A INPUT -j USED",
            "-A UNUSED -j DROP");
        graph.Orphans.Select(c => c.Name).ShouldBe(["UNUSED"]);
        graph.ReachableChains.Select(c => c.Name).ShouldBe(["INPUT", "FORWARD", "OUTPUT", "USED"]);
        graph.IsReachable("INPUT").ShouldBeTrue();
        graph.IsReachable("USED").ShouldBeTrue();
        graph.IsReachable("UNUSED").ShouldBeFalse();
        graph.IsReachable(graph.Chain("UNUSED").Rules[0]).ShouldBeFalse();
        graph.Chain("UNUSED").IsReachable().ShouldBeFalse();
    }

    [Test]
    public void Chains_only_orphans_or_unreachable_rules_jump_to_are_orphans_too()
    {
        var graph = Graphs.Filter("LOST DEEPER SHADOWED",
            "-A INPUT -j DROP",
            "-A INPUT -j SHADOWED",
            "-A LOST -j DEEPER");
        graph.Orphans.Select(c => c.Name).ShouldBe(["LOST", "DEEPER", "SHADOWED"]);
        graph.CallersOf("SHADOWED").ShouldHaveSingleItem();
    }

    [Test]
    public void Jump_loops_are_reported_with_their_chains_and_rules()
    {
        var graph = Graphs.Filter("A B C SELF",
            "-A INPUT -j A",
            "-A A -j B",
            "-A B -p tcp -j C",
            "-A C -g A",
            "-A C -j ACCEPT",
            "-A SELF -p udp -j SELF");
        graph.Cycles.Select(c => (c.ToString(), c.IsReachable)).ShouldBe([("A -> B -> C", true), ("SELF", false)]);
        graph.Cycles[0].Calls.Select(c => $"{c.Caller.Name}->{c.CalleeName}").ShouldBe(["A->B", "B->C", "C->A"]);
        graph.Cycles[1].Calls.ShouldHaveSingleItem().Rule.Position.ShouldBe(1);
        graph.Cycles.SelectMany(c => c.Chains).ShouldAllBe(c => graph.AlwaysEndsInVerdict(c) == TriState.Indeterminate);
        graph.AlwaysEndsInVerdict("INPUT").ShouldBe(TriState.Yes);
    }

    [Test]
    public void Chains_nested_deeper_than_a_thread_stack_are_walked_without_recursion()
    {
        const int depth = 100_000;
        var names = Enumerable.Range(0, depth).Select(i => $"C{i}").ToList();
        var rules = names.Skip(1).Select((name, i) => $"-A {names[i]} -j {name}").Prepend("-A INPUT -j C0").Append($"-A {names[^1]} -j DROP");
        var graph = Graphs.Filter(string.Join(' ', names), [.. rules]);
        graph.AlwaysEndsInVerdict("C0").ShouldBe(TriState.Yes);
        graph.IsReachable(names[^1]).ShouldBeTrue();
        graph.Cycles.ShouldBeEmpty();
        graph.UnreachableRules.ShouldBeEmpty();
    }

    [Test]
    public void A_table_without_loops_has_no_cycles()
    {
        var graph = Graphs.Filter("A B", "-A INPUT -j A", "-A INPUT -j B", "-A A -j B");
        graph.Cycles.ShouldBeEmpty();
    }

    [Test]
    public void Jumps_and_gotos_to_chains_that_do_not_exist_are_missing_targets()
    {
        var graph = Graphs.Filter("A",
            "-A INPUT -j A",
            "-A INPUT -j GONE",
            "-A A -g ALSO-GONE");
        graph.MissingTargets.Select(c => (c.Caller.Name, c.CalleeName, c.IsGoto)).ShouldBe([("INPUT", "GONE", false), ("A", "ALSO-GONE", true)]);
        graph.MissingTargets.ShouldAllBe(c => c.Callee == null);
        graph.CallersOf("GONE").ShouldHaveSingleItem();
        graph.IsReachable("GONE").ShouldBeFalse();
    }

    [TestCase("KUBE-SVC-*", "KUBE-SVC-ABC", true)]
    [TestCase("KUBE-SVC-*", "KUBE-SEP-ABC", false)]
    [TestCase("KUBE-S??-*", "KUBE-SEP-ABC", true)]
    [TestCase("*", "", true)]
    [TestCase("*-MASQ", "KUBE-MARK-MASQ", true)]
    [TestCase("KUBE-*-*-X", "KUBE-A-B-C-X", true)]
    [TestCase("KUBE-*-*-X", "KUBE-A-X", false)]
    [TestCase("kube-*", "KUBE-SVC-ABC", false)]
    [TestCase("INPUT", "INPUT", true)]
    [TestCase("INPUT", "INPUTS", false)]
    public void Chain_name_patterns_are_shell_globs(string pattern, string name, bool expected) =>
        ChainNamePattern.IsMatch(name, pattern).ShouldBe(expected);

    [Test]
    public void Jumps_GoesTo_and_JumpsOrGoesTo_tell_the_two_apart()
    {
        var graph = Graphs.Filter("KUBE-SVC-A KUBE-SVC-B",
            "-A INPUT -j KUBE-SVC-A",
            "-A INPUT -g KUBE-SVC-B",
            "-A INPUT -j DROP");
        var rules = graph.Table.Rules.ToList();
        rules.Where(r => r.Jumps("KUBE-SVC-*")).Select(r => r.Position).ShouldBe([1]);
        rules.Where(r => r.GoesTo("KUBE-SVC-*")).Select(r => r.Position).ShouldBe([2]);
        rules.Where(r => r.JumpsOrGoesTo("KUBE-SVC-*")).Select(r => r.Position).ShouldBe([1, 2]);
        rules.Where(r => r.Jumps("DROP")).ShouldBeEmpty();
    }

    [Test]
    public void The_graph_is_built_once_per_table()
    {
        var graph = Graphs.Filter("A", "-A INPUT -j A");
        TableGraph.For(graph.Table).ShouldBeSameAs(graph);
    }
}
