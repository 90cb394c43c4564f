using IptablesPolicy.Core.Views.ChainGraph;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>The chain graph of generated kube-proxy rulesets: every service and endpoint chain is wired where kube-proxy wires it.</summary>
[TestFixture]
public sealed class KubeProxyGraphTests
{
    private static readonly KubeProxyRulesetOptions Options = new() { Services = 300, EndpointsPerService = 3, NodePortPercent = 30, WithoutEndpointsPercent = 10 };

    private static (KubeProxyRuleset Ruleset, SnapshotGraph Graph) Generate(KubeProxyRulesetOptions options)
    {
        var ruleset = KubeProxyRuleset.Create(options);
        using var text = new StringWriter();
        ruleset.WriteTo(text);
        return (ruleset, SnapshotGraph.For(SnapshotReader.Parse(text.ToString(), "kube-proxy.v4")));
    }

    [TestCase(1UL)]
    [TestCase(7UL)]
    public void Every_service_chain_is_reached_from_KUBE_SERVICES(ulong seed)
    {
        var (ruleset, graph) = Generate(Options with { Seed = seed });
        var nat = graph.Find("nat")!;
        foreach (var service in ruleset.Services.Where(s => s.Endpoints.Count > 0))
        {
            nat.IsReachable(service.ServiceChain).ShouldBeTrue(service.ServicePortName);
            nat.CallersOf(service.ServiceChain).ShouldContain(c => c.Caller.Name == "KUBE-SERVICES", service.ServicePortName);
        }
        nat.Table.Chains.Where(c => c.Name.StartsWith("KUBE-SVC-", StringComparison.Ordinal)).ShouldAllBe(c => nat.IsReachable(c));
    }

    [Test]
    public void Every_endpoint_chain_is_called_by_its_service_chain_and_nothing_else()
    {
        var (ruleset, graph) = Generate(Options);
        var nat = graph.Find("nat")!;
        foreach (var service in ruleset.Services)
        {
            nat.CalleesOf(service.ServiceChain).Where(c => c.CalleeName.StartsWith("KUBE-SEP-", StringComparison.Ordinal)).Select(c => c.CalleeName)
                .ShouldBe(service.Endpoints.Select(e => e.Chain));
            foreach (var endpoint in service.Endpoints)
            {
                nat.CallersOf(endpoint.Chain).ShouldHaveSingleItem().Caller.Name.ShouldBe(service.ServiceChain);
                nat.IsReachable(endpoint.Chain).ShouldBeTrue();
            }
        }
    }

    [Test]
    public void Every_node_port_chain_is_reached_through_KUBE_NODEPORTS()
    {
        var (ruleset, graph) = Generate(Options);
        var nat = graph.Find("nat")!;
        foreach (var service in ruleset.Services.Where(s => s.NodePort is not null && s.Endpoints.Count > 0))
        {
            nat.CallersOf(service.ExternalChain).ShouldHaveSingleItem().Caller.Name.ShouldBe("KUBE-NODEPORTS");
            nat.CalleesOf(service.ExternalChain).ShouldContain(c => c.CalleeName == service.ServiceChain);
        }
    }

    [Test]
    public void Generated_ruleset_has_no_loops_missing_chains_or_shadowed_rules_and_only_the_canaries_are_orphans()
    {
        var (_, graph) = Generate(Options);
        graph.Cycles.ShouldBeEmpty();
        graph.MissingTargets.ShouldBeEmpty();
        graph.UnreachableRules.ShouldBeEmpty();
        graph.Orphans.Select(c => c.Name).Distinct().ShouldBe(["KUBE-KUBELET-CANARY", "KUBE-PROXY-CANARY"]);
    }

    [Test]
    public void Policies_find_service_jumps_with_a_glob()
    {
        var (ruleset, graph) = Generate(Options);
        var withEndpoints = ruleset.Services.Where(s => s.Endpoints.Count > 0).ToList();
        var jumps = graph.Snapshot.Rules.Where(r => r.Jumps("KUBE-SVC-*")).ToList();
        // One from KUBE-SERVICES per service, one from each NodePort's KUBE-EXT chain.
        jumps.Count.ShouldBe(withEndpoints.Count + withEndpoints.Count(s => s.NodePort is not null));
        graph.Snapshot.Rules.Count(r => r.Jumps("KUBE-SEP-*")).ShouldBe(withEndpoints.Sum(s => s.Endpoints.Count));
    }

    [Test]
    public void Ten_thousand_services_build_in_one_pass()
    {
        var snapshot = SnapshotReader.Parse(KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 10_000 }), "kube-proxy.v4");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var graph = SnapshotGraph.For(snapshot);
        TestContext.Out.WriteLine($"graph of {snapshot.Rules.Count()} rules built in {clock.ElapsedMilliseconds} ms");
        graph.Find("nat")!.Table.Chains.Count.ShouldBeGreaterThan(40_000);
        graph.Cycles.ShouldBeEmpty();
        graph.UnreachableRules.ShouldBeEmpty();
    }
}
