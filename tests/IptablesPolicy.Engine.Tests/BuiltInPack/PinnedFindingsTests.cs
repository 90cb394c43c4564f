using IptablesPolicy.Core;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>
/// What the built-in pack finds in real snapshots: the user's seeds (<c>../shared/seeds</c>) and <c>examples/</c>.
/// Each finding is one the policy's help page explains; a change here is a change users see.
/// </summary>
[TestFixture]
public sealed class PinnedFindingsTests
{
    private static string[] FindingsIn(string path)
    {
        var result = Pack.Check(SnapshotReader.ReadFile(path));
        return result.Findings.Select(Describe).ToArray();
    }

    private static string Describe(Finding f) => $"{f.Span.Line} {f.Id}: {f.Message}";

    [Test]
    public void Aks_notes_seed()
    {
        var path = Path.Combine(RepositoryPaths.Seeds, "000_7eccdfa7ea153e65.txt");
        Prerequisites.Require(File.Exists(path), $"seed not found: {path}");

        // The -vnL listing (lines 21-70): default-allow INPUT and FORWARD (a Kubernetes node), and, as pasted, the
        // "kubernetes forwarding rules" ACCEPT of KUBE-FORWARD shows no mark match (an iptables-nft older than the
        // one that wrote the rule leaves out what it cannot decode), so it accepts everything: the rules after it
        // and after FORWARD's jump to KUBE-FORWARD are unreachable as listed. The `iptables-save | grep` excerpt
        // (line 90) and the pod's nat table cut before COMMIT (line 141) are not judged on what they leave out.
        FindingsIn(path).ShouldBe([
            "21 IPT2005: The filter table's INPUT chain has policy ACCEPT and no rule that drops or rejects every packet: packets to this host that no rule handles are accepted",
            "28 IPT2005: The filter table's FORWARD chain has policy ACCEPT and no rule that drops or rejects every packet: forwarded packets that no rule handles are accepted",
            "32 IPT2003: No packet reaches this rule: rule 2 of FORWARD matches every packet and jumps to KUBE-FORWARD, which always ends in a verdict",
            "33 IPT2003: No packet reaches this rule: rule 2 of FORWARD matches every packet and jumps to KUBE-FORWARD, which always ends in a verdict",
            "34 IPT2003: No packet reaches this rule: rule 2 of FORWARD matches every packet and jumps to KUBE-FORWARD, which always ends in a verdict",
            "35 IPT2003: No packet reaches this rule: rule 2 of FORWARD matches every packet and jumps to KUBE-FORWARD, which always ends in a verdict",
            "54 IPT2003: No packet reaches this rule: rule 2 of KUBE-FORWARD matches every packet and accepts it",
        ]);
    }

    [Test]
    public void Eks_listing_seed()
    {
        var path = Path.Combine(RepositoryPaths.Seeds, "001_7e089b313214aa99.txt");
        Prerequisites.Require(File.Exists(path), $"seed not found: {path}");

        // Seventeen services without endpoints (IPT1102), host names and service names as `iptables -L` shows them;
        // KUBE-FIREWALL's localnet rule is there (host names of 127.0.0.0/8 read back), so no IPT1104.
        FindingsIn(path).ShouldBe([
            "13 IPT2005: The filter table's INPUT chain has policy ACCEPT and no rule that drops or rejects every packet: packets to this host that no rule handles are accepted",
            "19 IPT2005: The filter table's FORWARD chain has policy ACCEPT and no rule that drops or rejects every packet: forwarded packets that no rule handles are accepted",
            "31 IPT1102: Service port data/airflow has no endpoints: kube-proxy rejects tcp to NodePort 32584 on the node's local addresses",
            "53 IPT1102: Service port devops/jenkinszip:http has no endpoints: kube-proxy rejects tcp to ip-10-100-109-33.us-east-2.compute.internal port 8080",
            "54 IPT1102: Service port spinnaker/spin-deck has no endpoints: kube-proxy rejects tcp to ip-10-100-192-135.us-east-2.compute.internal port 9000",
            "55 IPT1102: Service port monitoring/prometheus-kube-prometheus-prometheus:web has no endpoints: kube-proxy rejects tcp to ip-10-100-193-242.us-east-2.compute.internal port 9090",
            "56 IPT1102: Service port spinnaker/spin-rosco has no endpoints: kube-proxy rejects tcp to ip-10-100-125-144.us-east-2.compute.internal port 8087",
            "57 IPT1102: Service port spinnaker/spin-redis has no endpoints: kube-proxy rejects tcp to ip-10-100-3-44.us-east-2.compute.internal port 6379",
            "58 IPT1102: Service port spinnaker/spin-igor has no endpoints: kube-proxy rejects tcp to ip-10-100-90-84.us-east-2.compute.internal port 8088",
            "59 IPT1102: Service port spinnaker/spin-clouddriver has no endpoints: kube-proxy rejects tcp to ip-10-100-153-132.us-east-2.compute.internal port 7002",
            "60 IPT1102: Service port data/airflow has no endpoints: kube-proxy rejects tcp to ip-10-100-102-112.us-east-2.compute.internal port 3456",
            "61 IPT1102: Service port kube-system/aws-load-balancer-webhook-service has no endpoints: kube-proxy rejects tcp to ip-10-100-247-73.us-east-2.compute.internal port 443",
            "62 IPT1102: Service port spinnaker/spin-orca has no endpoints: kube-proxy rejects tcp to ip-10-100-131-198.us-east-2.compute.internal port 8083",
            "63 IPT1102: Service port devops/jenkinszip-agent:agent-listener has no endpoints: kube-proxy rejects tcp to ip-10-100-179-223.us-east-2.compute.internal port 50000",
            "64 IPT1102: Service port spinnaker/spin-gate has no endpoints: kube-proxy rejects tcp to ip-10-100-156-48.us-east-2.compute.internal port 8084",
            "65 IPT1102: Service port spinnaker/spin-gate-public has no endpoints: kube-proxy rejects tcp to ip-10-100-90-212.us-east-2.compute.internal port 80",
            "66 IPT1102: Service port elastic-system/elastic-webhook-server:https has no endpoints: kube-proxy rejects tcp to ip-10-100-51-18.us-east-2.compute.internal port 443",
            "67 IPT1102: Service port spinnaker/spin-front50 has no endpoints: kube-proxy rejects tcp to ip-10-100-179-244.us-east-2.compute.internal port 8080",
            "68 IPT1102: Service port spinnaker/spin-deck-public has no endpoints: kube-proxy rejects tcp to ip-10-100-119-202.us-east-2.compute.internal port 80",
            "69 IPT1102: Service port spinnaker/spin-echo has no endpoints: kube-proxy rejects tcp to ip-10-100-5-109.us-east-2.compute.internal port 8089",
        ]);
    }

    [Test]
    public void Aks_node_example()
    {
        // The WireServer behind a cluster IP only (kube-system/metadata-proxy) is not an IPT1001 finding: only
        // NodePort, load-balancer and external-IP paths are.
        FindingsIn(Path.Combine(RepositoryPaths.Examples, "rulesets", "aks-node.v4")).ShouldBe([
            "3 IPT2005: The filter table's INPUT chain has policy ACCEPT and no rule that drops or rejects every packet: packets to this host that no rule handles are accepted",
            "4 IPT2005: The filter table's FORWARD chain has policy ACCEPT and no rule that drops or rejects every packet: forwarded packets that no rule handles are accepted",
            "31 IPT1102: Service port default/orders:http has no endpoints: kube-proxy rejects tcp to 10.0.12.7 port 80",
            "32 IPT1102: Service port default/orders:http has no endpoints: kube-proxy rejects tcp to NodePort 31380 on the node's local addresses",
        ]);
    }

    [TestCase("many-modules.v4")]
    [TestCase("many-modules.v6")]
    public void Many_modules_examples_have_no_findings(string file) =>
        FindingsIn(Path.Combine(RepositoryPaths.Examples, "rulesets", file)).ShouldBeEmpty();
}
