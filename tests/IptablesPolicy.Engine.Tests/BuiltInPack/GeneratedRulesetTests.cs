using System.Diagnostics;
using IptablesPolicy.Core;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>
/// kube-proxy's own output must not trip the Kubernetes and correctness policies: a generated node of 10,000
/// service ports (about 150,000 lines: endpoints, NodePorts, services without endpoints, UDP services) gives no
/// IPT1101, IPT1103 or IPT2001, and exactly one IPT1102 per "has no endpoints" rule the generator wrote.
/// </summary>
[TestFixture]
public sealed class GeneratedRulesetTests
{
    [Test]
    public void Ten_thousand_generated_services_give_no_false_kubernetes_or_target_findings()
    {
        var options = new KubeProxyRulesetOptions { Services = 10_000, EndpointsPerService = 3, NodePortPercent = 20, WithoutEndpointsPercent = 5, UdpPercent = 10 };
        var ruleset = KubeProxyRuleset.Create(options);
        using var writer = new StringWriter { NewLine = "\n" };
        ruleset.WriteTo(writer);
        var snapshots = SnapshotReader.ReadText(writer.ToString(), "generated-10k.v4");
        _ = Pack.Set;

        var watch = Stopwatch.StartNew();
        var findings = Pack.Check(snapshots).Findings;
        TestContext.Out.WriteLine($"pack over {snapshots.Sum(s => s.Rules.Count())} rules: {watch.Elapsed.TotalSeconds:F2} s, {findings.Count} findings");

        findings.Where(f => f.Id is "IPT1101" or "IPT1103" or "IPT2001").ShouldBeEmpty();
        var withoutEndpoints = ruleset.Services.Where(s => s.Endpoints.Count == 0).ToArray();
        withoutEndpoints.ShouldNotBeEmpty();
        findings.Count(f => f.Id == "IPT1102").ShouldBe(withoutEndpoints.Length + withoutEndpoints.Count(s => s.NodePort is not null));
    }
}
