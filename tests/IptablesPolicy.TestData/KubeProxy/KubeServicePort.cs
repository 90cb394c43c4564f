using System.Net;

namespace IptablesPolicy.TestData.KubeProxy;

/// <summary>One generated service port: what kube-proxy writes rules for.</summary>
public sealed class KubeServicePort
{
    internal KubeServicePort(string @namespace, string name, string portName, string protocol, IPAddress clusterIp, int port, int? nodePort, IReadOnlyList<KubeEndpoint> endpoints)
    {
        Namespace = @namespace;
        Name = name;
        PortName = portName;
        Protocol = protocol;
        ClusterIp = clusterIp;
        Port = port;
        NodePort = nodePort;
        Endpoints = endpoints;
        ServicePortName = portName.Length == 0 ? $"{@namespace}/{name}" : $"{@namespace}/{name}:{portName}";
        ServiceChain = KubeProxyChainNames.Service(ServicePortName, protocol);
        ExternalChain = KubeProxyChainNames.External(ServicePortName, protocol);
    }

    /// <summary>The namespace.</summary>
    public string Namespace { get; }

    /// <summary>The service name.</summary>
    public string Name { get; }

    /// <summary>The port's name; empty for a single unnamed port.</summary>
    public string PortName { get; }

    /// <summary><c>namespace/name:port</c> (or <c>namespace/name</c>): what kube-proxy's comments say.</summary>
    public string ServicePortName { get; }

    /// <summary><c>tcp</c> or <c>udp</c>.</summary>
    public string Protocol { get; }

    /// <summary>The cluster IP.</summary>
    public IPAddress ClusterIp { get; }

    /// <summary>The service port.</summary>
    public int Port { get; }

    /// <summary>The node port, when the service has one.</summary>
    public int? NodePort { get; }

    /// <summary>The ready endpoints; empty for a service kube-proxy rejects traffic to.</summary>
    public IReadOnlyList<KubeEndpoint> Endpoints { get; }

    /// <summary>The <c>KUBE-SVC-…</c> chain (written only when there are endpoints).</summary>
    public string ServiceChain { get; }

    /// <summary>The <c>KUBE-EXT-…</c> chain (written only for a NodePort with endpoints).</summary>
    public string ExternalChain { get; }
}

/// <summary>One endpoint of a service port.</summary>
/// <param name="Address">The pod IP.</param>
/// <param name="Port">The target port.</param>
/// <param name="Chain">Its <c>KUBE-SEP-…</c> chain.</param>
public sealed record KubeEndpoint(IPAddress Address, int Port, string Chain);
