namespace IptablesPolicy.TestData.KubeProxy;

/// <summary>
/// What <see cref="KubeProxyRuleset"/> generates. The defaults give about 15 lines and 1.6 kB a service,
/// so 10,000 services make about 150,000 lines and 16 MB, the size of a large production node.
/// </summary>
public sealed record KubeProxyRulesetOptions
{
    /// <summary>How many service ports (each a ClusterIP; some also a NodePort).</summary>
    public int Services { get; init; } = 100;

    /// <summary>How many ready endpoints each service with endpoints has.</summary>
    public int EndpointsPerService { get; init; } = 3;

    /// <summary>Share of services that also have a NodePort, in percent.</summary>
    public int NodePortPercent { get; init; } = 20;

    /// <summary>Share of services without any endpoint, in percent: kube-proxy rejects their traffic in the filter table.</summary>
    public int WithoutEndpointsPercent { get; init; } = 5;

    /// <summary>Share of services that are UDP rather than TCP, in percent.</summary>
    public int UdpPercent { get; init; } = 10;

    /// <summary>The seed: the same options give the same bytes.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Write <c>[packets:bytes]</c> counters, as <c>iptables-save -c</c> does.</summary>
    public bool Counters { get; init; }

    /// <summary>The pod network: masquerade rules exempt traffic from it, endpoints are taken from it.</summary>
    public string ClusterCidr { get; init; } = "10.128.0.0/9";
}
