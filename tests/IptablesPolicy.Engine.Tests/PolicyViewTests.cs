using IptablesPolicy.Core;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Engine.Tests;

/// <summary>What a policy sees: the model and the views, built once per snapshot and shared by every policy.</summary>
public class PolicyViewTests
{
    [Test]
    public void A_policy_sees_every_generated_service_endpoint_and_node_port()
    {
        var ruleset = KubeProxyRuleset.Create(new KubeProxyRulesetOptions { Services = 200, EndpointsPerService = 3, NodePortPercent = 40, WithoutEndpointsPercent = 10 });
        using var writer = new StringWriter { NewLine = "\n" };
        ruleset.WriteTo(writer);
        using var workspace = new PolicyWorkspace();
        workspace.Write("inventory.csx", """
            foreach (var service in Kubernetes.Services)
                Report(Snapshot, $"{service.ServicePortName} {service.ClusterIP} {service.NodePort} {string.Join(",", service.Endpoints.Select(e => $"{e.Address}:{e.Port}"))}");
            """);

        var result = workspace.Check(writer.ToString(), "inventory.csx");

        result.Faults.ShouldBeEmpty();
        var expected = ruleset.Services.Select(s =>
            $"{s.ServicePortName} {s.ClusterIp} {s.NodePort} {string.Join(",", s.Endpoints.Select(e => $"{e.Address}:{e.Port}"))}");
        result.Findings.Select(f => f.Message).Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
    }

    [Test]
    public void Views_are_built_once_per_snapshot_and_shared_by_all_policies()
    {
        using var workspace = new PolicyWorkspace();
        const string identity = "Report(Snapshot, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Graph).ToString() + \" \" + System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Kubernetes));";
        workspace.Write("first.csx", identity);
        workspace.Write("second.csx", identity);

        var result = workspace.Check(Rulesets.Filter, "first.csx", "second.csx");

        result.Findings.Count.ShouldBe(2);
        result.Findings[0].Message.ShouldBe(result.Findings[1].Message);
    }

    [Test]
    public void Findings_are_sorted_by_file_and_line_whatever_the_order_policies_ran_in()
    {
        var snapshots = new[]
        {
            SnapshotReader.Parse(Rulesets.Filter, "b.v4"),
            SnapshotReader.Parse(Rulesets.Filter, "a.v4"),
        };
        using var workspace = new PolicyWorkspace();
        workspace.Write("z.csx", "foreach (var rule in Rules.Reverse()) Report(rule, \"z\");");
        workspace.Write("y.csx", "foreach (var rule in Rules) Report(rule, \"y\");");
        var engine = workspace.Engine();
        var set = engine.Load([PolicySource.FromFile(Path.Combine(workspace.Root, "z.csx")), PolicySource.FromFile(Path.Combine(workspace.Root, "y.csx"))]);

        var result = engine.Check(set, snapshots);

        result.Findings.Select(f => $"{f.Span.Path}:{f.Span.Line} {f.Id}").ShouldBe(
        [
            "a.v4:6 y", "a.v4:6 z", "a.v4:7 y", "a.v4:7 z",
            "b.v4:6 y", "b.v4:6 z", "b.v4:7 y", "b.v4:7 z",
        ]);
    }

    [Test]
    public void A_policy_queries_what_a_rule_matches_without_parsing_options()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("covered.csx", """
            foreach (var chain in Chains)
                for (var i = 1; i < chain.Rules.Count; i++)
                    if (chain.Rules[i - 1].Effective().Covers(chain.Rules[i].Effective()) == TriState.Yes)
                        Report(chain.Rules[i], $"covered by line {chain.Rules[i - 1].Span.Line}");
            """);

        var result = workspace.Check("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 20:30 -j DROP\n-A INPUT -p tcp -m tcp --dport 23 -j ACCEPT\n-A INPUT -p udp -m udp --dport 23 -j ACCEPT\nCOMMIT\n", "covered.csx");

        result.Faults.ShouldBeEmpty();
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Span.Line.ShouldBe(4);
        finding.Message.ShouldBe("covered by line 3");
    }
}
