using IptablesPolicy.Core.Views.Kubernetes;

namespace IptablesPolicy.Core.Tests.Views.Kubernetes;

/// <summary>The comments kube-proxy writes, and what each says about its service port.</summary>
[TestFixture]
public sealed class KubeProxyCommentTests
{
    [TestCase("default/nginx", "default/nginx", "ServicePort", null)]
    [TestCase("ns1/svc1:p80", "ns1/svc1:p80", "ServicePort", null)]
    [TestCase("spinnaker/spin-deck: has no endpoints", "spinnaker/spin-deck", "NoEndpoints", null)]
    [TestCase("default/nginx cluster IP", "default/nginx", "ClusterIP", null)]
    [TestCase("ns2/svc2:p80 external IP", "ns2/svc2:p80", "ExternalIP", null)]
    [TestCase("ns2/svc2:p80 loadbalancer IP", "ns2/svc2:p80", "LoadBalancerIP", null)]
    [TestCase("ns2/svc2:p80 has no local endpoints", "ns2/svc2:p80", "NoLocalEndpoints", null)]
    [TestCase("ns2/svc2:p80 health check node port", "ns2/svc2:p80", "HealthCheckNodePort", null)]
    [TestCase("default/nginx -> 10.244.0.13:80", "default/nginx", "EndpointJump", "10.244.0.13:80")]
    [TestCase("default/web6 -> [fd00::5]:8080", "default/web6", "EndpointJump", "[fd00::5]:8080")]
    [TestCase("ns5/svc5:p80 traffic not accepted by KUBE-FW-NUKIZ6OKUXPJNT4C", "ns5/svc5:p80", "FirewallDrop", null)]
    [TestCase("masquerade traffic for ns3/svc3:p80 external destinations", "ns3/svc3:p80", "Sentence", null)]
    [TestCase("pod traffic for ns2/svc2:p80 external destinations", "ns2/svc2:p80", "Sentence", null)]
    [TestCase("masquerade LOCAL traffic for ns2/svc2:p80 external destinations", "ns2/svc2:p80", "Sentence", null)]
    [TestCase("route LOCAL traffic for ns2/svc2:p80 external destinations", "ns2/svc2:p80", "Sentence", null)]
    [TestCase("other traffic to ns5/svc5:p80 will be dropped by KUBE-PROXY-FIREWALL", "ns5/svc5:p80", "Sentence", null)]
    [TestCase("Balancing rule 0 for blog/web:", "blog/web", "Sentence", null)]
    public void Reads_the_service_port_and_what_the_comment_says(string text, string key, string kind, string? endpoint)
    {
        var comment = new KubeProxyComment().TryParse(text).ShouldNotBeNull();
        (comment.Name.Key, comment.Kind.ToString(), comment.Endpoint).ShouldBe((key, kind, endpoint));
    }

    [TestCase("kubernetes service portals")]
    [TestCase("kubernetes service nodeports; NOTE: this must be the last rule in this chain")]
    [TestCase("allow 10.0.0.0/8")]
    [TestCase("10.0.0.0/8")]
    [TestCase("Default/Nginx")]
    [TestCase("default/nginx cluster IP extra")]
    [TestCase("default/nginx -> ")]
    [TestCase("Redirect pods trying to reach external loadbalancer VIP to clusterIP")]
    [TestCase("")]
    [TestCase(null)]
    public void Names_no_service_port_when_the_comment_is_not_kube_proxy_s(string? text) =>
        new KubeProxyComment().TryParse(text).ShouldBeNull();

    [Test]
    public void A_service_port_name_read_twice_is_the_same_object()
    {
        var reader = new KubeProxyComment();
        reader.TryParse("default/nginx cluster IP")!.Value.Name.ShouldBeSameAs(reader.TryParse("default/nginx")!.Value.Name);
    }
}
