using System.Net;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Kubernetes;

/// <summary>
/// One service port as kube-proxy's rules show it, named by the comments kube-proxy writes
/// (<c>"ns/name:port cluster IP"</c>, <c>"ns/name:port"</c>...). A field the snapshot's rules do not give is
/// null (or empty for lists): absent information is unknown, never guessed.
/// </summary>
public sealed class KubeService
{
    internal KubeService(KubeServiceBuilder b)
    {
        Namespace = b.Namespace;
        Name = b.Name;
        PortName = b.PortName;
        // Kept rather than formatted on each use: policies key their lookups and messages by it.
        ServicePortName = KubernetesView.KeyOf(Namespace, Name, PortName);
        Protocol = b.Protocol;
        ClusterIP = b.ClusterIP;
        Port = b.Port;
        NodePort = b.NodePort;
        HealthCheckNodePort = b.HealthCheckNodePort;
        ExternalIPs = b.ExternalIPs.ToArray().AsReadOnly();
        LoadBalancerIPs = b.LoadBalancerIPs.ToArray().AsReadOnly();
        ServiceChain = b.ServiceChain;
        LocalServiceChain = b.LocalServiceChain;
        ExternalChain = b.ExternalChain;
        FirewallChain = b.FirewallChain;
        var chains = b.Chains.ToArray();
        Array.Sort(chains, StringComparer.Ordinal);
        Chains = chains.AsReadOnly();
        Endpoints = b.BuildEndpoints();
        NoEndpointsRules = b.NoEndpointsRules.ToArray().AsReadOnly();
        Rules = b.Rules.ToArray().AsReadOnly();
    }

    /// <summary>The namespace.</summary>
    public string Namespace { get; }

    /// <summary>The service's name.</summary>
    public string Name { get; }

    /// <summary>The port's name; empty for an unnamed port (comments <c>ns/name</c> or the older <c>ns/name:</c>).</summary>
    public string PortName { get; }

    /// <summary><c>ns/name:port</c>, or <c>ns/name</c> for an unnamed port: the key <see cref="KubernetesView.Find"/> takes.</summary>
    public string ServicePortName { get; }

    /// <summary>The protocol (<c>tcp</c>, <c>udp</c>, <c>sctp</c>) from the first rule that matches one; null when none does.</summary>
    public string? Protocol { get; }

    /// <summary>The cluster IP: the destination of the <c>"... cluster IP"</c> rule in nat <c>KUBE-SERVICES</c>, or of the single
    /// <c>"... has no endpoints"</c> rule in filter <c>KUBE-SERVICES</c>; null when no such rule names one.</summary>
    public IPAddress? ClusterIP { get; }

    /// <summary>The service port (the <c>--dport</c> of the cluster IP rule); null when not given.</summary>
    public int? Port { get; }

    /// <summary>The NodePort (<c>--dport</c> of the nat <c>KUBE-NODEPORTS</c> rule, or of the filter <c>KUBE-EXTERNAL-SERVICES</c>
    /// <c>--dst-type LOCAL</c> "has no endpoints" rule); null when the service has none or the snapshot does not show it.</summary>
    public int? NodePort { get; }

    /// <summary>The health check NodePort (<c>--dport</c> of the filter <c>KUBE-NODEPORTS</c> <c>"... health check node port"</c> rule,
    /// written for a Local external traffic policy); null when none.</summary>
    public int? HealthCheckNodePort { get; }

    /// <summary>Destinations of the <c>"... external IP"</c> rules in nat <c>KUBE-SERVICES</c>, in rule order.</summary>
    public IReadOnlyList<IPAddress> ExternalIPs { get; }

    /// <summary>Destinations of the <c>"... loadbalancer IP"</c> rules in nat <c>KUBE-SERVICES</c>, in rule order.</summary>
    public IReadOnlyList<IPAddress> LoadBalancerIPs { get; }

    /// <summary>The <c>KUBE-SVC-*</c> chain; null when no rule names it (e.g. a service without endpoints).</summary>
    public string? ServiceChain { get; }

    /// <summary>The <c>KUBE-SVL-*</c> chain (local endpoints for a Local traffic policy); null when none.</summary>
    public string? LocalServiceChain { get; }

    /// <summary>The <c>KUBE-EXT-*</c> chain external traffic goes through; null when none.</summary>
    public string? ExternalChain { get; }

    /// <summary>The <c>KUBE-FW-*</c> chain (load-balancer source ranges); null when none.</summary>
    public string? FirewallChain { get; }

    /// <summary>Every per-service chain (<c>KUBE-SVC/SVL/EXT/FW/XLB-*</c>, not the <c>KUBE-SEP-*</c> ones) named by its rules, sorted.</summary>
    public IReadOnlyList<string> Chains { get; }

    /// <summary>The endpoints: those the service chains jump to, in jump order, then <c>KUBE-SEP-*</c> chains no rule jumps to, by name.</summary>
    public IReadOnlyList<KubeEndpoint> Endpoints { get; }

    /// <summary>The filter table's <c>"... has no endpoints"</c> / <c>"... has no local endpoints"</c> REJECT or DROP rules
    /// (<c>KUBE-SERVICES</c>, <c>KUBE-EXTERNAL-SERVICES</c>) for this service port.</summary>
    public IReadOnlyList<Rule> NoEndpointsRules { get; }

    /// <summary>
    /// Whether the filter table has a "has no endpoints" or "has no local endpoints" rule for this service port. The
    /// second kind is written for a Local external traffic policy on a node without local endpoints, so a service can
    /// have such a rule and endpoints (elsewhere) at once; the classic layout's nat <c>KUBE-XLB-*</c> "has no local
    /// endpoints" jump to <c>KUBE-MARK-DROP</c> is one of <see cref="Rules"/>, not of these.
    /// </summary>
    public bool HasNoEndpointsRule => NoEndpointsRules.Count > 0;

    /// <summary>Every rule of the snapshot that belongs to this service port (its comment names it, or it sits in one of its chains), in table, chain and position order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <inheritdoc/>
    public override string ToString() => ServicePortName;
}
