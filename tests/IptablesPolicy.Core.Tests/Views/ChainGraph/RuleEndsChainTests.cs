using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>Whether a packet a rule matches leaves the chain at that rule.</summary>
[TestFixture]
public sealed class RuleEndsChainTests
{
    [TestCase("-A X -p tcp -j ACCEPT", TriState.Yes, TestName = "a verdict")]
    [TestCase("-A X -j RETURN", TriState.Yes, TestName = "a return")]
    [TestCase("-A X -j REJECT --reject-with icmp-port-unreachable", TriState.Yes, TestName = "a terminating extension")]
    [TestCase("-A X -g FALLS", TriState.Yes, TestName = "a goto, even to a chain that returns")]
    [TestCase("-A X -j DENY", TriState.Yes, TestName = "a jump to a chain that always ends")]
    [TestCase("-A X -j FALLS", TriState.No, TestName = "a jump to a chain that can return")]
    [TestCase("-A X -j LOG", TriState.No, TestName = "a target that continues")]
    [TestCase("-A X -p tcp", TriState.No, TestName = "no target")]
    [TestCase("-A X -j UNKNOWN --opt 1", TriState.Indeterminate, TestName = "an unknown target")]
    [TestCase("-A X -j GONE", TriState.Indeterminate, TestName = "a jump to a missing chain")]
    public void Rule_ends_chain(string rule, TriState expected)
    {
        var graph = Graphs.Filter("X DENY FALLS", rule, "-A DENY -j DROP", "-A FALLS -p tcp -j ACCEPT");

        graph.Table.FindChain("X")!.Rules.Single().EndsChain().ShouldBe(expected);
    }
}
