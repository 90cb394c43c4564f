using System.Globalization;
using IptablesPolicy.TestInfrastructure;
using IptablesPolicy.Core.Views.Kubernetes;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Core.Tests.Views.Kubernetes;

/// <summary>
/// The real iptables is the oracle: a kube-proxy ruleset is loaded into a throw-away network namespace, and
/// the view read from each table's listing (<c>iptables -t TABLE -vnL</c>, <c>-L</c>) must equal the view read
/// from <c>iptables-save -t TABLE</c> of the same namespace: an SRE's pasted listing tells the same story.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KubeViewListingOracleTests
{
    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var backend in new[] { "nft", "legacy" })
        {
            foreach (var variant in new[] { "-vnL", "-nL", "-L" })
            {
                yield return new TestCaseData(backend, "generated", variant).SetName($"Listing_view_equals_save_view({backend},generated,{variant})");
                yield return new TestCaseData(backend, "newer-layout", variant).SetName($"Listing_view_equals_save_view({backend},newer-layout,{variant})");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Listing_view_equals_save_view(string backend, string ruleset, string variant)
    {
        NetfilterTools.RequireBackend("iptables", backend);
        var text = ruleset == "generated"
            ? KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 120, NodePortPercent = 30, WithoutEndpointsPercent = 15, UdpPercent = 20 })
            : KubeProxyLayouts.Newer + "\n";
        var binary = $"iptables-{backend}";
        using var ns = NetworkNamespace.Create();
        var restore = ns.Run(binary + "-restore", [], text);
        Prerequisites.Require(restore.Succeeded, $"{binary}-restore could not load the {ruleset} ruleset here: {restore}");
        foreach (var table in new[] { "nat", "filter" })
        {
            var save = ns.Run(binary + "-save", ["-t", table]);
            save.ExitCode.ShouldBe(0, save.StandardError);
            var arguments = new[] { "-t", table, variant };
            var listing = ns.Run(binary, arguments);
            listing.ExitCode.ShouldBe(0, listing.StandardError);
            var pasted = $"root@node:~# iptables {string.Join(' ', arguments)}\n{listing.StandardOutput}";
            var fromSave = KubernetesView.For(SnapshotReader.Parse(save.StandardOutput, "save"));
            var fromListing = KubernetesView.For(SnapshotReader.ReadText(pasted, "listing").ShouldHaveSingleItem());
            fromSave.Services.ShouldNotBeEmpty();
            fromListing.Services.Select(Describe).ShouldBe(fromSave.Services.Select(Describe), $"{table} {variant}");
        }
    }

    private static string Describe(KubeService s) =>
        string.Join(" | ",
            s.ServicePortName, s.Protocol, s.ClusterIP, s.Port, s.NodePort, s.HealthCheckNodePort,
            string.Join(",", s.ExternalIPs), string.Join(",", s.LoadBalancerIPs),
            s.ServiceChain, s.LocalServiceChain, s.ExternalChain, s.FirewallChain, string.Join(",", s.Chains),
            string.Join(",", s.Endpoints.Select(e => $"{e.Chain}={e.Address}:{e.Port}@{e.Probability?.ToString("R", CultureInfo.InvariantCulture)}#{e.Rules.Count}")),
            s.NoEndpointsRules.Count, s.Rules.Count);
}
