using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>Whether every path through a chain ends in a verdict: yes, no, or indeterminate when a guess would be needed.</summary>
[TestFixture]
public sealed class VerdictEndingTests
{
    [TestCase("-A X -j DROP", TriState.Yes, TestName = "an unconditional drop")]
    [TestCase("-A X -p tcp -j ACCEPT|-A X -j REJECT", TriState.Yes, TestName = "a conditional accept then an unconditional reject")]
    [TestCase("-A X -j LOG|-A X -j DROP", TriState.Yes, TestName = "a log then a drop")]
    [TestCase("-A X -j NFQUEUE --queue-num 1", TriState.Yes, TestName = "a terminating extension")]
    [TestCase("-A X -j DENY", TriState.Yes, TestName = "a jump to a chain that always ends")]
    [TestCase("-A X -g DENY", TriState.Yes, TestName = "a goto to a chain that always ends")]
    [TestCase("-A X -j FALLS|-A X -j DROP", TriState.Yes, TestName = "a jump to a chain that returns then a drop")]
    [TestCase("-A X -j UNKNOWN --opt 1|-A X -j DROP", TriState.Yes, TestName = "an unknown target then a drop")]
    [TestCase("", TriState.No, TestName = "an empty chain")]
    [TestCase("-A X -p tcp -j DROP", TriState.No, TestName = "a conditional drop")]
    [TestCase("-A X -p tcp -j RETURN|-A X -j DROP", TriState.No, TestName = "a conditional return")]
    [TestCase("-A X -j RETURN|-A X -j DROP", TriState.No, TestName = "an unconditional return")]
    [TestCase("-A X -j FALLS", TriState.No, TestName = "a jump to a chain that returns")]
    [TestCase("-A X -g FALLS", TriState.No, TestName = "a goto to a chain that returns")]
    [TestCase("-A X -j MARK --set-mark 1", TriState.No, TestName = "a target that continues")]
    [TestCase("-A X -m frobnicate --level 3 -j DROP", TriState.No, TestName = "a drop behind an unknown match")]
    [TestCase("-A X -j UNKNOWN --opt 1", TriState.Indeterminate, TestName = "an unknown target at the end")]
    [TestCase("-A X -j GONE", TriState.Indeterminate, TestName = "a jump to a missing chain")]
    [TestCase("-A X -j MYSTERY", TriState.Indeterminate, TestName = "a jump to a chain with an unknown ending")]
    [TestCase("-A X -p tcp -g MYSTERY|-A X -j DROP", TriState.Indeterminate, TestName = "a conditional goto to a chain with an unknown ending")]
    [TestCase("-A X -p tcp -j MYSTERY|-A X -j DROP", TriState.Yes, TestName = "a conditional jump to a chain with an unknown ending then a drop")]
    public void User_chain_ending(string rules, TriState expected)
    {
        var graph = Graphs.Filter("X DENY FALLS MYSTERY",
            [.. rules.Split('|', StringSplitOptions.RemoveEmptyEntries),
            "-A DENY -j DROP",
            "-A FALLS -p tcp -j ACCEPT",
            "-A MYSTERY -j UNKNOWN --opt 2"]);
        graph.AlwaysEndsInVerdict("X").ShouldBe(expected);
    }

    [Test]
    public void Built_in_chains_always_end_in_their_policy()
    {
        var graph = Graphs.Filter("", "-A INPUT -j RETURN", "-A OUTPUT -j UNKNOWN --opt 1");
        graph.AlwaysEndsInVerdict("INPUT").ShouldBe(TriState.Yes);
        graph.AlwaysEndsInVerdict("OUTPUT").ShouldBe(TriState.Yes);
        graph.AlwaysEndsInVerdict("FORWARD").ShouldBe(TriState.Yes);
    }

    [Test]
    public void A_chain_the_table_does_not_have_is_indeterminate() =>
        Graphs.Filter("").AlwaysEndsInVerdict("NOPE").ShouldBe(TriState.Indeterminate);
}
