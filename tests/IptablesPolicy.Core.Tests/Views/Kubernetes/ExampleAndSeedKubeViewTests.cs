using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.TestInfrastructure;
using IptablesPolicy.Core.Views.Kubernetes;

namespace IptablesPolicy.Core.Tests.Views.Kubernetes;

/// <summary>The view over real rulesets: the bundled AKS node and the user's AKS and EKS notes.</summary>
[TestFixture]
public sealed class ExampleAndSeedKubeViewTests
{
    private static KubernetesView Aks() =>
        KubernetesView.For(SnapshotReader.ReadFile(Path.Combine(RepositoryPaths.Examples, "rulesets", "aks-node.v4")).ShouldHaveSingleItem());

    private static IReadOnlyList<Snapshot> Seed(string name)
    {
        var path = Path.Combine(RepositoryPaths.Seeds, name);
        Prerequisites.Require(File.Exists(path), $"seed not found at {path}");
        return SnapshotReader.ReadFile(path);
    }

    [Test]
    public void Aks_node_has_nginx_the_wireserver_proxy_and_orders_without_endpoints()
    {
        Aks().Services.Select(s => s.ServicePortName).ShouldBe(["default/nginx", "default/orders:http", "kube-system/metadata-proxy"]);
    }

    [Test]
    public void Aks_nginx_is_a_node_port_service_with_one_endpoint()
    {
        var nginx = Aks().Find("default/nginx").ShouldNotBeNull();
        (nginx.Namespace, nginx.Name, nginx.PortName, nginx.Protocol).ShouldBe(("default", "nginx", "", "tcp"));
        nginx.ClusterIP.ShouldBe(IPAddress.Parse("10.0.91.63"));
        nginx.Port.ShouldBe(80);
        nginx.NodePort.ShouldBe(30080);
        nginx.ServiceChain.ShouldBe("KUBE-SVC-2CMXP7HKUVJN7L6M");
        nginx.ExternalChain.ShouldBe("KUBE-EXT-2CMXP7HKUVJN7L6M");
        nginx.Chains.ShouldBe(["KUBE-EXT-2CMXP7HKUVJN7L6M", "KUBE-SVC-2CMXP7HKUVJN7L6M"]);
        nginx.HasNoEndpointsRule.ShouldBeFalse();
        var endpoint = nginx.Endpoints.ShouldHaveSingleItem();
        (endpoint.Chain, endpoint.Address, endpoint.Port, endpoint.Probability).ShouldBe(("KUBE-SEP-RPYTXMYI33B6SF5E", IPAddress.Parse("10.244.0.13"), (int?)80, (double?)null));
        // Every rule of its chains, the KUBE-SERVICES and KUBE-NODEPORTS rules: 2 + 2 + 2 + 1 + 1.
        nginx.Rules.Count.ShouldBe(8);
        nginx.Rules.Select(r => r.Span.Line).ShouldBeInOrder();
    }

    [Test]
    public void Aks_metadata_proxy_endpoint_is_the_wireserver()
    {
        var proxy = Aks().Find("kube-system/metadata-proxy").ShouldNotBeNull();
        proxy.NodePort.ShouldBeNull();
        proxy.ExternalChain.ShouldBeNull();
        var endpoint = proxy.Endpoints.ShouldHaveSingleItem();
        endpoint.Address.ShouldBe(IPAddress.Parse("168.63.129.16"));
        endpoint.Port.ShouldBe(80);
    }

    [Test]
    public void Aks_orders_is_known_only_from_its_reject_rules()
    {
        var orders = Aks().Find("default/orders:http").ShouldNotBeNull();
        orders.ClusterIP.ShouldBe(IPAddress.Parse("10.0.12.7"));
        orders.Port.ShouldBe(80);
        orders.NodePort.ShouldBe(31380);
        orders.ServiceChain.ShouldBeNull();
        orders.Endpoints.ShouldBeEmpty();
        orders.NoEndpointsRules.Select(r => r.Chain.Name).ShouldBe(["KUBE-EXTERNAL-SERVICES", "KUBE-SERVICES"]);
        orders.NoEndpointsRules.ShouldAllBe(r => r.Target is Model.Targets.RejectTarget);
    }

    [Test]
    public void Aks_notes_grep_fragment_gives_nginx_without_the_port_it_did_not_show()
    {
        var snapshots = Seed("000_7eccdfa7ea153e65.txt");
        var fragment = snapshots.Single(s => s.Format == SnapshotFormat.SaveFragment);
        var nginx = KubernetesView.For(fragment).Services.ShouldHaveSingleItem();
        nginx.ServicePortName.ShouldBe("default/nginx");
        nginx.ClusterIP.ShouldBe(IPAddress.Parse("10.0.91.63"));
        nginx.Port.ShouldBeNull();
        nginx.NodePort.ShouldBeNull();
        nginx.ServiceChain.ShouldBe("KUBE-SVC-2CMXP7HKUVJN7L6M");
        var endpoint = nginx.Endpoints.ShouldHaveSingleItem();
        (endpoint.Address, endpoint.Port).ShouldBe((IPAddress.Parse("10.244.0.13"), (int?)80));
    }

    [Test]
    public void Aks_notes_listing_and_declarations_only_save_hold_no_service()
    {
        var snapshots = Seed("000_7eccdfa7ea153e65.txt");
        foreach (var snapshot in snapshots.Where(s => s.Format != SnapshotFormat.SaveFragment))
            KubernetesView.For(snapshot).Services.ShouldBeEmpty();
    }

    [Test]
    public void Eks_listing_gives_every_service_without_endpoints_with_cluster_ip_and_port()
    {
        var view = KubernetesView.For(Seed("001_7e089b313214aa99.txt").ShouldHaveSingleItem());
        view.Services.Count.ShouldBe(17);
        view.Services.ShouldAllBe(s => s.HasNoEndpointsRule && s.Endpoints.Count == 0 && s.Protocol == "tcp" && s.ClusterIP != null && s.Port != null);
        var jenkins = view.Find("devops/jenkinszip:http").ShouldNotBeNull();
        (jenkins.ClusterIP, jenkins.Port).ShouldBe((IPAddress.Parse("10.100.109.33"), (int?)8080));
        var redis = view.Find("spinnaker/spin-redis").ShouldNotBeNull();
        redis.PortName.ShouldBe("");
        (redis.ClusterIP, redis.Port).ShouldBe((IPAddress.Parse("10.100.3.44"), (int?)6379));
        view.Find("spinnaker/spin-redis:").ShouldBeSameAs(redis);
    }

    [Test]
    public void Eks_airflow_node_port_comes_from_the_external_services_reject()
    {
        var view = KubernetesView.For(Seed("001_7e089b313214aa99.txt").ShouldHaveSingleItem());
        var airflow = view.Find("data/airflow").ShouldNotBeNull();
        airflow.NodePort.ShouldBe(32584);
        airflow.ClusterIP.ShouldBe(IPAddress.Parse("10.100.102.112"));
        airflow.NoEndpointsRules.Count.ShouldBe(2);
        view.Services.Where(s => s.NodePort is not null).ShouldHaveSingleItem().ShouldBeSameAs(airflow);
    }
}
