using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>Rules after an unconditional rule that stops every packet can never be reached; anything less certain cuts nothing off.</summary>
[TestFixture]
public sealed class UnreachableRuleTests
{
    [TestCase("-j DROP")]
    [TestCase("-j ACCEPT")]
    [TestCase("-j RETURN")]
    [TestCase("-j REJECT --reject-with icmp-port-unreachable")]
    [TestCase("-m comment --comment \"default deny\" -j DROP")]
    [TestCase("-s 0.0.0.0/0 -j DROP")]
    [TestCase("-g SINK")]
    [TestCase("-j DENY")]
    public void Rules_after_an_unconditional_stop_are_unreachable(string stop)
    {
        var graph = Graphs.Filter("CHECK SINK DENY",
            "-A INPUT -j CHECK",
            "-A CHECK -p tcp --dport 22 -j ACCEPT",
            "-A CHECK " + stop,
            "-A CHECK -p tcp --dport 80 -j ACCEPT",
            "-A CHECK -j LOG",
            "-A DENY -j DROP");
        graph.UnreachableRules.Describe().ShouldBe(["CHECK#3 by #2", "CHECK#4 by #2"]);
        graph.IsReachable(graph.Chain("CHECK").Rules[1]).ShouldBeTrue();
        graph.IsReachable(graph.Chain("CHECK").Rules[2]).ShouldBeFalse();
        graph.CutOff(graph.Chain("CHECK").Rules[3])!.CutOffBy.ShouldBeSameAs(graph.Chain("CHECK").Rules[1]);
    }

    [TestCase("-p tcp -j DROP", TestName = "a protocol")]
    [TestCase("-s 10.0.0.0/8 -j DROP", TestName = "a source")]
    [TestCase("! -s 0.0.0.0/0 -j DROP", TestName = "a negated any address")]
    [TestCase("-i eth0 -j DROP", TestName = "an interface")]
    [TestCase("-f -j DROP", TestName = "fragments")]
    [TestCase("-m conntrack --ctstate INVALID -j DROP", TestName = "a known match")]
    [TestCase("-m frobnicate --level 3 -j DROP", TestName = "an unknown match")]
    [TestCase("-j LOG --log-prefix x", TestName = "a target that continues")]
    [TestCase("-j FROBNICATE --level 3", TestName = "an unknown target")]
    [TestCase("-j MAYBE", TestName = "a jump to a chain that may return")]
    [TestCase("-j NOWHERE", TestName = "a jump to a missing chain")]
    public void Nothing_is_cut_off_by_a_rule_with(string rule)
    {
        var graph = Graphs.Filter("MAYBE",
            "-A INPUT " + rule,
            "-A INPUT -j ACCEPT",
            "-A MAYBE -p udp -j DROP");
        graph.UnreachableRules.ShouldBeEmpty();
    }

    [Test]
    public void Listing_without_interfaces_never_cuts_off_because_interfaces_are_unknown()
    {
        const string listing = """
            Chain INPUT (policy ACCEPT)
            target     prot opt source               destination
            DROP       all  --  0.0.0.0/0            0.0.0.0/0
            ACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:22
            """;
        var graph = TableGraph.For(SnapshotReader.Parse(listing, "listing.txt").FindTable("filter")!);
        graph.Table.FindChain("INPUT")!.Rules[0].Unknown.ShouldContain("inInterface");
        graph.UnreachableRules.ShouldBeEmpty();
    }

    [Test]
    public void Listing_with_interfaces_cuts_off_after_an_unconditional_drop()
    {
        const string listing = """
            Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
             pkts bytes target     prot opt in     out     source               destination
                0     0 DROP       all  --  *      *       0.0.0.0/0            0.0.0.0/0
                0     0 ACCEPT     tcp  --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:22
            """;
        var graph = TableGraph.For(SnapshotReader.Parse(listing, "listing.txt").FindTable("filter")!);
        graph.UnreachableRules.Describe().ShouldBe(["INPUT#2 by #1"]);
    }

    [Test]
    public void A_jump_to_a_chain_that_always_ends_in_a_verdict_cuts_off_what_follows()
    {
        var graph = Graphs.Filter("DENY",
            "-A INPUT -j DENY",
            "-A INPUT -j ACCEPT",
            "-A DENY -p tcp -j REJECT --reject-with tcp-reset",
            "-A DENY -j DROP");
        graph.UnreachableRules.Describe().ShouldBe(["INPUT#2 by #1"]);
    }
}
