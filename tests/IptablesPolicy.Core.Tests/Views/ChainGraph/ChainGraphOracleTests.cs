using IptablesPolicy.TestInfrastructure;
using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>
/// The kernel is the oracle for what the graph calls broken: whether a ruleset loads into a throw-away
/// network namespace follows from the loops and missing chains the graph finds.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ChainGraphOracleTests
{
    private static readonly object[] Cases =
    [
        new object[] { "a loop INPUT leads to", new[] { "-A INPUT -j A", "-A A -p tcp -j B", "-A B -j A" } },
        new object[] { "a chain that jumps to itself", new[] { "-A INPUT -j A", "-A A -p udp -j A" } },
        new object[] { "a loop nothing leads to", new[] { "-A A -p tcp -j B", "-A B -j A" } },
        new object[] { "a loop only a shadowed rule leads to", new[] { "-A INPUT -j DROP", "-A INPUT -j A", "-A A -p tcp -j B", "-A B -j A" } },
        new object[] { "a jump to a missing chain", new[] { "-A INPUT -j GONE" } },
        new object[] { "a goto to a missing chain", new[] { "-A INPUT -g GONE" } },
        new object[] { "rules shadowed by a drop and an orphan chain", new[] { "-A INPUT -j DROP", "-A INPUT -j A", "-A B -j ACCEPT" } },
    ];

    [TestCaseSource(nameof(Cases))]
    public void Legacy_kernel_loads_the_ruleset_exactly_when_the_graph_finds_no_reachable_loop_or_missing_chain(string description, string[] rules)
    {
        // The legacy kernel walks from the built-in chains and stops at an unconditional verdict, as the graph does.
        var graph = Graphs.Filter("A B", rules);
        var broken = graph.Cycles.Any(c => c.IsReachable) || graph.MissingTargets.Count > 0;
        Load("legacy", rules).Succeeded.ShouldBe(!broken, description);
    }

    [TestCaseSource(nameof(Cases))]
    public void Nft_kernel_also_refuses_a_loop_only_a_shadowed_rule_leads_to(string description, string[] rules)
    {
        // nf_tables checks every jump of every chain a built-in chain leads to, shadowed or not.
        var graph = Graphs.Filter("A B", rules);
        var entered = new HashSet<string>(["INPUT", "FORWARD", "OUTPUT"]);
        var queue = new Queue<string>(entered);
        while (queue.TryDequeue(out var chain))
        {
            foreach (var call in graph.CalleesOf(chain))
            {
                if (call.Callee is not null && entered.Add(call.CalleeName))
                    queue.Enqueue(call.CalleeName);
            }
        }
        var broken = graph.Cycles.Any(c => c.Chains.Any(chain => entered.Contains(chain.Name))) || graph.MissingTargets.Count > 0;
        Load("nft", rules).Succeeded.ShouldBe(!broken, description);
    }

    [TestCase("legacy")]
    [TestCase("nft")]
    public void Kernel_counts_no_packet_on_a_rule_the_graph_calls_unreachable(string backend)
    {
        NetfilterTools.RequireBackend("iptables", backend);
        NetfilterTools.Require("bash", "timeout");
        string[] rules =
        [
            "-A OUTPUT -p tcp -j COUNTED",
            "-A OUTPUT -j ACCEPT",
            "-A OUTPUT -p tcp -j ACCEPT",
            "-A INPUT -j SINK",
            "-A INPUT -p tcp -j DROP",
            "-A COUNTED -m comment --comment \"every packet returns here\" -j RETURN",
            "-A COUNTED -p tcp -j DROP",
            "-A SINK -p tcp -j ACCEPT",
            "-A SINK -j ACCEPT",
        ];
        var graph = Graphs.Filter("COUNTED SINK", rules);
        graph.UnreachableRules.Describe().ShouldBe(["INPUT#2 by #1", "OUTPUT#3 by #2", "COUNTED#2 by #1"]);

        var text = string.Join('\n', ["*filter", ":INPUT ACCEPT [0:0]", ":FORWARD DROP [0:0]", ":OUTPUT ACCEPT [0:0]", ":COUNTED - [0:0]", ":SINK - [0:0]", .. rules, "COMMIT", ""]);
        using var ns = NetworkNamespace.Create();
        ns.Run("ip", ["link", "set", "lo", "up"]).Succeeded.ShouldBeTrue();
        ns.Run($"iptables-{backend}-restore", [], standardInput: text).Succeeded.ShouldBeTrue();
        // A TCP connection to a closed local port: a SYN out and a reset back, through OUTPUT and INPUT.
        ns.Run("timeout", ["5", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9 || true"]);
        var saved = ns.Run($"iptables-{backend}-save", ["-c", "-t", "filter"]);
        saved.Succeeded.ShouldBeTrue(saved.ToString());
        var counted = TableGraph.For(SnapshotReader.Parse(saved.StandardOutput, "kernel.v4").FindTable("filter")!);
        foreach (var unreachable in graph.UnreachableRules)
        {
            var chain = counted.Table.FindChain(unreachable.Rule.Chain.Name)!;
            chain.Rules[unreachable.Rule.Position - 1].Counters!.Value.Packets.ShouldBe(0UL, unreachable.ToString());
            chain.Rules[unreachable.CutOffBy.Position - 1].Counters!.Value.Packets.ShouldBeGreaterThan(0UL, unreachable.ToString());
        }
    }

    private static ProcessResult Load(string backend, string[] rules)
    {
        NetfilterTools.RequireBackend("iptables", backend);
        var text = string.Join('\n', ["*filter", ":INPUT ACCEPT [0:0]", ":FORWARD DROP [0:0]", ":OUTPUT ACCEPT [0:0]", ":A - [0:0]", ":B - [0:0]", .. rules, "COMMIT", ""]);
        using var ns = NetworkNamespace.Create();
        return ns.Run($"iptables-{backend}-restore", [], standardInput: text);
    }
}
