using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;
using IptablesPolicy.TestInfrastructure;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Core.Tests.Generator;

/// <summary>The kube-proxy-shaped ruleset generator: deterministic, the shape kube-proxy writes, readable by us and by iptables.</summary>
[TestFixture]
public sealed class KubeProxyRulesetTests
{
    private static readonly KubeProxyRulesetOptions Small = new() { Services = 200, EndpointsPerService = 3, NodePortPercent = 30, WithoutEndpointsPercent = 10 };

    [Test]
    public void Same_options_give_the_same_bytes()
    {
        KubeProxyRuleset.Generate(Small).ShouldBe(KubeProxyRuleset.Generate(Small));
        KubeProxyRuleset.Generate(Small with { Counters = true }).ShouldBe(KubeProxyRuleset.Generate(Small with { Counters = true }));
    }

    [Test]
    public void Another_seed_gives_another_ruleset() =>
        KubeProxyRuleset.Generate(Small with { Seed = 2 }).ShouldNotBe(KubeProxyRuleset.Generate(Small));

    [Test]
    public void Chain_names_are_kube_proxy_hashes()
    {
        // kube-proxy's own unit tests pin this one: servicePortChainName("ns1/svc1:p80", "tcp").
        KubeProxyChainNames.Service("ns1/svc1:p80", "tcp").ShouldBe("KUBE-SVC-XPGD46QRK7WJZT7O");
    }

    [TestCase(1.0 / 3, "0.33333333349")]
    [TestCase(1.0 / 2, "0.50000000000")]
    [TestCase(1.0 / 10, "0.10000000009")]
    public void Statistic_probability_is_printed_as_iptables_save_prints_it(double probability, string expected) =>
        StatisticProbability.Canonical(probability).ShouldBe(expected);

    [Test]
    public void Parses_without_diagnostics_and_renders_back_byte_for_byte([Values] bool counters)
    {
        var text = KubeProxyRuleset.Generate(Small with { Counters = counters });
        var snapshot = SnapshotReader.Parse(text, "kube-proxy.v4");
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Family.ShouldBe(IpFamily.IPv4);
        using var writer = new StringWriter();
        SaveFormatWriter.Write(snapshot, writer, counters);
        writer.ToString().ShouldBe(WithoutComments(text));
    }

    [Test]
    public void Has_the_chains_and_rules_kube_proxy_writes()
    {
        var ruleset = KubeProxyRuleset.Create(Small);
        var withEndpoints = ruleset.Services.Where(s => s.Endpoints.Count > 0).ToList();
        var withoutEndpoints = ruleset.Services.Where(s => s.Endpoints.Count == 0).ToList();
        var nodePorts = withEndpoints.Count(s => s.NodePort is not null);
        var endpoints = withEndpoints.Sum(s => s.Endpoints.Count);
        withoutEndpoints.ShouldNotBeEmpty();
        nodePorts.ShouldBeGreaterThan(0);

        using var file = new StringWriter();
        ruleset.WriteTo(file);
        var snapshot = SnapshotReader.Parse(file.ToString());
        snapshot.Tables.Select(t => t.Name).ShouldBe(["mangle", "filter", "nat"]);

        var nat = snapshot.FindTable("nat")!;
        nat.Chains.Count(c => c.Name.StartsWith("KUBE-SVC-", StringComparison.Ordinal)).ShouldBe(withEndpoints.Count);
        nat.Chains.Count(c => c.Name.StartsWith("KUBE-SEP-", StringComparison.Ordinal)).ShouldBe(endpoints);
        nat.Chains.Count(c => c.Name.StartsWith("KUBE-EXT-", StringComparison.Ordinal)).ShouldBe(nodePorts);
        nat.FindChain("KUBE-SERVICES")!.Rules.Count.ShouldBe(withEndpoints.Count + 1);
        nat.FindChain("KUBE-SERVICES")!.Rules[^1].Target.Name.ShouldBe("KUBE-NODEPORTS");
        nat.FindChain("KUBE-NODEPORTS")!.Rules.Count.ShouldBe(nodePorts);
        nat.Rules.Count().ShouldBe(3 + 1 + 3 + (withEndpoints.Count + 1) + nodePorts * 3 + withEndpoints.Count + endpoints * 3);
        // One endpoint in n is chosen with probability 1/n, then 1/(n-1)..., the last unconditionally.
        var firstService = nat.FindChain(withEndpoints[0].ServiceChain)!;
        firstService.Rules.Count(r => r.Text.Contains("-m statistic --mode random", StringComparison.Ordinal)).ShouldBe(Small.EndpointsPerService - 1);
        firstService.Rules.Count(r => r.Target.Name.StartsWith("KUBE-SEP-", StringComparison.Ordinal)).ShouldBe(Small.EndpointsPerService);

        var filter = snapshot.FindTable("filter")!;
        filter.FindChain("KUBE-SERVICES")!.Rules.Count.ShouldBe(withoutEndpoints.Count);
        filter.FindChain("KUBE-SERVICES")!.Rules.ShouldAllBe(r => r.Target.Name == "REJECT");
        filter.FindChain("KUBE-EXTERNAL-SERVICES")!.Rules.Count.ShouldBe(withoutEndpoints.Count(s => s.NodePort is not null));
        filter.Chains.Count.ShouldBe(11);

        snapshot.FindTable("mangle")!.Chains.Count.ShouldBe(7);
    }

    [Test]
    public void Ten_thousand_services_make_about_150k_lines_and_16_MB()
    {
        var text = KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 10_000 });
        var lines = text.Count(c => c == '\n');
        lines.ShouldBeInRange(140_000, 160_000);
        text.Length.ShouldBeInRange(15_000_000, 18_000_000);
    }

    [TestCase("nft")]
    [TestCase("legacy")]
    public void Iptables_restore_test_accepts_it(string backend)
    {
        NetfilterTools.RequireBackend("iptables", backend);
        var restore = $"iptables-{backend}-restore";
        var path = Path.Combine(Path.GetTempPath(), $"ipp-kube-proxy-{Guid.NewGuid():N}.v4");
        try
        {
            KubeProxyRuleset.Create(Small with { Counters = true }).WriteToFile(path);
            using var ns = NetworkNamespace.Create();
            var result = ns.Run(restore, ["--test", "--counters", path]);
            result.Succeeded.ShouldBeTrue(result.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string WithoutComments(string text) =>
        string.Concat(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l + "\n"));
}
