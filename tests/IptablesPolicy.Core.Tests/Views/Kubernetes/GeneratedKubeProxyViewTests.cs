using System.Net;
using IptablesPolicy.Core.Views.Kubernetes;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Core.Tests.Views.Kubernetes;

/// <summary>Over generated kube-proxy rulesets, the view recovers every service, endpoint and NodePort the generator wrote.</summary>
[TestFixture]
public sealed class GeneratedKubeProxyViewTests
{
    private static readonly KubeProxyRulesetOptions[] Shapes =
    [
        new() { Services = 300, EndpointsPerService = 3, NodePortPercent = 30, WithoutEndpointsPercent = 10, UdpPercent = 20 },
        new() { Services = 120, EndpointsPerService = 1, NodePortPercent = 50, WithoutEndpointsPercent = 25, Seed = 7 },
        new() { Services = 80, EndpointsPerService = 5, NodePortPercent = 100, WithoutEndpointsPercent = 0, Counters = true, Seed = 3 },
    ];

    private static (KubeProxyRuleset Ruleset, KubernetesView View) Build(KubeProxyRulesetOptions options)
    {
        var ruleset = KubeProxyRuleset.Create(options);
        using var writer = new StringWriter { NewLine = "\n" };
        ruleset.WriteTo(writer);
        return (ruleset, KubernetesView.For(SnapshotReader.Parse(writer.ToString())));
    }

    [TestCaseSource(nameof(Shapes))]
    public void Every_generated_service_port_is_found_once_and_nothing_else(KubeProxyRulesetOptions options)
    {
        var (ruleset, view) = Build(options);
        view.Services.Select(s => s.ServicePortName).Order(StringComparer.Ordinal)
            .ShouldBe(ruleset.Services.Select(s => s.ServicePortName).Order(StringComparer.Ordinal));
    }

    [TestCaseSource(nameof(Shapes))]
    public void Identity_addresses_ports_and_node_ports_match_the_generator(KubeProxyRulesetOptions options)
    {
        var (ruleset, view) = Build(options);
        foreach (var expected in ruleset.Services)
        {
            var actual = view.Find(expected.ServicePortName).ShouldNotBeNull(expected.ServicePortName);
            (actual.Namespace, actual.Name, actual.PortName, actual.Protocol).ShouldBe((expected.Namespace, expected.Name, expected.PortName, expected.Protocol));
            actual.ClusterIP.ShouldBe(expected.ClusterIp, expected.ServicePortName);
            actual.Port.ShouldBe(expected.Port, expected.ServicePortName);
            actual.NodePort.ShouldBe(expected.NodePort, expected.ServicePortName);
            actual.ExternalIPs.ShouldBeEmpty();
            actual.LoadBalancerIPs.ShouldBeEmpty();
            actual.HasNoEndpointsRule.ShouldBe(expected.Endpoints.Count == 0, expected.ServicePortName);
        }
    }

    [TestCaseSource(nameof(Shapes))]
    public void Chains_are_the_ones_the_generator_named(KubeProxyRulesetOptions options)
    {
        var (ruleset, view) = Build(options);
        foreach (var expected in ruleset.Services)
        {
            var actual = view.Find(expected.ServicePortName)!;
            var hasEndpoints = expected.Endpoints.Count > 0;
            actual.ServiceChain.ShouldBe(hasEndpoints ? expected.ServiceChain : null);
            actual.ExternalChain.ShouldBe(hasEndpoints && expected.NodePort is not null ? expected.ExternalChain : null);
            actual.FirewallChain.ShouldBeNull();
            actual.LocalServiceChain.ShouldBeNull();
            if (hasEndpoints)
                view.FindByChain(expected.ServiceChain).ShouldBeSameAs(actual);
        }
    }

    [TestCaseSource(nameof(Shapes))]
    public void Endpoints_keep_address_port_chain_and_the_written_probability(KubeProxyRulesetOptions options)
    {
        var (ruleset, view) = Build(options);
        foreach (var expected in ruleset.Services)
        {
            var actual = view.Find(expected.ServicePortName)!.Endpoints;
            actual.Select(e => (e.Chain, e.Address, e.Port)).ShouldBe(expected.Endpoints.Select(e => (e.Chain, (IPAddress?)e.Address, (int?)e.Port)));
            var count = expected.Endpoints.Count;
            for (var i = 0; i < count; i++)
            {
                double? probability = i < count - 1 ? double.Parse(StatisticProbability.Canonical(1.0 / (count - i)), System.Globalization.CultureInfo.InvariantCulture) : null;
                actual[i].Probability.ShouldBe(probability);
                // The jump from KUBE-SVC, then the chain's masquerade and DNAT rules.
                actual[i].Rules.Count.ShouldBe(3);
            }
        }
    }

    [Test]
    public void Every_service_rule_of_the_ruleset_is_attributed_to_exactly_one_service()
    {
        var (ruleset, view) = Build(Shapes[0]);
        var attributed = view.Services.SelectMany(s => s.Rules).ToList();
        attributed.Distinct().Count().ShouldBe(attributed.Count);
        // Per service: its KUBE-SERVICES rule (nat or filter), the KUBE-SVC masquerade rule, 3 rules per endpoint,
        // and for a NodePort its KUBE-NODEPORTS rule and 2 KUBE-EXT rules (or the filter's NodePort reject).
        var expected = ruleset.Services.Sum(s => s.Endpoints.Count == 0
            ? 1 + (s.NodePort is null ? 0 : 1)
            : 2 + 3 * s.Endpoints.Count + (s.NodePort is null ? 0 : 3));
        attributed.Count.ShouldBe(expected);
    }
}
