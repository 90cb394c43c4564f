using System.Net;
using IptablesPolicy.Core.Model.Targets;
using IptablesPolicy.Core.Views.Kubernetes;

namespace IptablesPolicy.Core.Tests.Views.Kubernetes;

/// <summary>Both chain layouts kube-proxy has written: external IPs, load balancers, Local policy, no (local) endpoints.</summary>
[TestFixture]
public sealed class KubeProxyLayoutViewTests
{
    private static KubernetesView Newer() => KubernetesView.For(SnapshotReader.Parse(KubeProxyLayouts.Newer));

    private static KubernetesView Classic() => KubernetesView.For(SnapshotReader.Parse(KubeProxyLayouts.Classic));

    [Test]
    public void Fixtures_parse_without_diagnostics()
    {
        SnapshotReader.Parse(KubeProxyLayouts.Newer).Diagnostics.ShouldBeEmpty();
        SnapshotReader.Parse(KubeProxyLayouts.Classic).Diagnostics.ShouldBeEmpty();
    }

    [Test]
    public void Newer_layout_lists_every_service_port_sorted()
    {
        Newer().Services.Select(s => s.ServicePortName).ShouldBe(["shop/cart:http", "shop/empty:dns", "shop/pay:https", "shop/search"]);
    }

    [Test]
    public void Newer_layout_external_ip_load_balancer_ip_and_health_check_port_come_from_their_rules()
    {
        var cart = Newer().Find("shop/cart:http").ShouldNotBeNull();
        (cart.Protocol, cart.ClusterIP, cart.Port, cart.NodePort, cart.HealthCheckNodePort)
            .ShouldBe(("tcp", IPAddress.Parse("10.96.0.50"), (int?)80, (int?)31001, (int?)32100));
        cart.ExternalIPs.ShouldBe([IPAddress.Parse("198.51.100.20")]);
        cart.LoadBalancerIPs.ShouldBe([IPAddress.Parse("203.0.113.7")]);
        (cart.ServiceChain, cart.ExternalChain, cart.FirewallChain, cart.LocalServiceChain)
            .ShouldBe(("KUBE-SVC-CARTCARTCARTCARTCA", "KUBE-EXT-CARTCARTCARTCARTCA", (string?)null, (string?)null));
        cart.Endpoints.ShouldHaveSingleItem().Address.ShouldBe(IPAddress.Parse("10.244.1.5"));
    }

    [Test]
    public void Newer_layout_no_local_endpoints_drops_are_no_endpoints_rules()
    {
        var cart = Newer().Find("shop/cart:http")!;
        cart.HasNoEndpointsRule.ShouldBeTrue();
        cart.NoEndpointsRules.Count.ShouldBe(3);
        cart.NoEndpointsRules.ShouldAllBe(r => r.Chain.Name == "KUBE-EXTERNAL-SERVICES" && r.Target.Name == "DROP");
    }

    [Test]
    public void Newer_layout_service_without_endpoints_is_known_from_its_reject()
    {
        var empty = Newer().Find("shop/empty:dns").ShouldNotBeNull();
        (empty.Protocol, empty.ClusterIP, empty.Port, empty.NodePort).ShouldBe(("udp", IPAddress.Parse("10.96.0.60"), (int?)53, (int?)null));
        empty.Endpoints.ShouldBeEmpty();
        empty.NoEndpointsRules.ShouldHaveSingleItem().Target.ShouldBeOfType<RejectTarget>();
        empty.Chains.ShouldBeEmpty();
    }

    [Test]
    public void Newer_layout_firewall_chain_and_its_filter_drop_belong_to_the_load_balancer_service()
    {
        var pay = Newer().Find("shop/pay:https").ShouldNotBeNull();
        pay.FirewallChain.ShouldBe("KUBE-FW-PAYPAYPAYPAYPAYPA");
        pay.ExternalChain.ShouldBe("KUBE-EXT-PAYPAYPAYPAYPAYPA");
        pay.LoadBalancerIPs.ShouldBe([IPAddress.Parse("203.0.113.9")]);
        pay.NodePort.ShouldBe(31443);
        pay.HasNoEndpointsRule.ShouldBeFalse();
        pay.Rules.ShouldContain(r => r.Chain.Name == "KUBE-PROXY-FIREWALL");
        pay.Rules.Count(r => r.Chain.Name == "KUBE-FW-PAYPAYPAYPAYPAYPA").ShouldBe(2);
        pay.Endpoints.Select(e => (e.Address, e.Port, e.Probability))
            .ShouldBe([(IPAddress.Parse("10.244.2.7"), (int?)8443, (double?)0.5), (IPAddress.Parse("10.244.3.9"), 8443, null)]);
        Newer().FindByChain("KUBE-SEP-PAY000000000000002")!.ServicePortName.ShouldBe("shop/pay:https");
    }

    [Test]
    public void Newer_layout_internal_local_policy_uses_the_svl_chain()
    {
        var search = Newer().Find("shop/search").ShouldNotBeNull();
        (search.ServiceChain, search.LocalServiceChain).ShouldBe(((string?)null, "KUBE-SVL-SEARCHSEARCHSEAR"));
        search.PortName.ShouldBe("");
        var endpoint = search.Endpoints.ShouldHaveSingleItem();
        (endpoint.Chain, endpoint.Address, endpoint.Port).ShouldBe(("KUBE-SEP-SEARCH0000000001", IPAddress.Parse("10.244.4.4"), (int?)9200));
    }

    [Test]
    public void Classic_layout_reads_an_unnamed_port_written_with_a_trailing_colon()
    {
        var web = Classic().Services.ShouldHaveSingleItem();
        (web.ServicePortName, web.Namespace, web.Name, web.PortName).ShouldBe(("blog/web", "blog", "web", ""));
        Classic().Find("blog/web:").ShouldNotBeNull();
    }

    [Test]
    public void Classic_layout_gives_addresses_node_port_and_chains()
    {
        var web = Classic().Find("blog/web")!;
        (web.Protocol, web.ClusterIP, web.Port, web.NodePort).ShouldBe(("tcp", IPAddress.Parse("10.96.10.10"), (int?)80, (int?)30080));
        web.ExternalIPs.ShouldBe([IPAddress.Parse("198.51.100.80")]);
        web.LoadBalancerIPs.ShouldBe([IPAddress.Parse("203.0.113.80")]);
        (web.ServiceChain, web.FirewallChain, web.ExternalChain).ShouldBe(("KUBE-SVC-WEBWEBWEBWEBWEBWE", "KUBE-FW-WEBWEBWEBWEBWEBWE", (string?)null));
        web.Chains.ShouldBe(["KUBE-FW-WEBWEBWEBWEBWEBWE", "KUBE-SVC-WEBWEBWEBWEBWEBWE", "KUBE-XLB-WEBWEBWEBWEBWEBWE"]);
        web.HasNoEndpointsRule.ShouldBeFalse();
        web.Rules.Count.ShouldBe(21);
    }

    [Test]
    public void Classic_layout_endpoints_keep_balancing_order_and_kube_svc_probabilities()
    {
        var web = Classic().Find("blog/web")!;
        web.Endpoints.Select(e => (e.Chain, e.Address!.ToString(), e.Probability)).ShouldBe(
        [
            ("KUBE-SEP-WEB000000000000001", "10.244.1.2", (double?)0.33333333349),
            ("KUBE-SEP-WEB000000000000002", "10.244.2.2", 0.5),
            ("KUBE-SEP-WEB000000000000003", "10.244.3.2", null),
        ]);
        // The local chain's jump is one of the endpoint's rules too.
        web.Endpoints[1].Rules.Select(r => r.Chain.Name).ShouldContain("KUBE-XLB-WEBWEBWEBWEBWEBWE");
    }

    [Test]
    public void Rules_without_a_kube_proxy_comment_outside_service_chains_belong_to_no_service()
    {
        var view = Classic();
        view.Services.SelectMany(s => s.Rules).ShouldNotContain(r => r.Chain.Name == "PREROUTING" || r.Target.Name == "KUBE-NODEPORTS");
        view.Find("blog/other").ShouldBeNull();
    }

    [Test]
    public void An_endpoint_chain_the_snapshot_does_not_hold_takes_its_address_from_the_jump_comment()
    {
        var view = KubernetesView.For(SnapshotReader.Parse("-A KUBE-SVC-ABC -m comment --comment \"default/nginx -> 10.244.0.13:80\" -j KUBE-SEP-XYZ\n"));
        var endpoint = view.Find("default/nginx").ShouldNotBeNull().Endpoints.ShouldHaveSingleItem();
        (endpoint.Chain, endpoint.Address, endpoint.Port, endpoint.Probability).ShouldBe(("KUBE-SEP-XYZ", IPAddress.Parse("10.244.0.13"), (int?)80, (double?)null));
    }

    [Test]
    public void An_endpoint_nothing_states_has_no_address_rather_than_a_guess()
    {
        var view = KubernetesView.For(SnapshotReader.Parse("-A KUBE-SVC-ABC -m comment --comment \"default/nginx\" -j KUBE-SEP-XYZ\n"));
        var service = view.Find("default/nginx").ShouldNotBeNull();
        (service.ClusterIP, service.Port, service.Protocol, service.NodePort).ShouldBe(((IPAddress?)null, (int?)null, (string?)null, (int?)null));
        var endpoint = service.Endpoints.ShouldHaveSingleItem();
        (endpoint.Address, endpoint.Port).ShouldBe(((IPAddress?)null, (int?)null));
    }

    [Test]
    public void Comments_that_only_look_like_a_path_name_no_service()
    {
        var view = KubernetesView.For(SnapshotReader.Parse("""
            -A KUBE-SERVICES -d 10.0.0.0/8 -m comment --comment "allow 10.0.0.0/8" -j ACCEPT
            -A KUBE-SERVICES -m comment --comment "Kube/Upper case is not a namespace" -j ACCEPT
            """));
        view.Services.ShouldBeEmpty();
    }
}
