using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Kubernetes;

/// <summary>
/// The Kubernetes services that kube-proxy (iptables mode) wrote into a snapshot's nat and filter tables,
/// in both the classic layout and the newer one with <c>KUBE-EXT-*</c>, <c>KUBE-FW-*</c> and <c>KUBE-SVL-*</c>
/// chains. Service identity comes from kube-proxy's rule comments; what the rules do not say is null.
/// Built once per snapshot with <see cref="For"/>; immutable and cheap to query.
/// </summary>
public sealed class KubernetesView
{
    private readonly Dictionary<string, KubeService> byKey;
    private readonly Dictionary<string, KubeService> byChain = new(StringComparer.Ordinal);

    private KubernetesView(IReadOnlyList<KubeService> services)
    {
        Services = services;
        byKey = services.ToDictionary(s => s.ServicePortName, StringComparer.Ordinal);
        foreach (var service in services)
        {
            foreach (var chain in service.Chains)
                byChain.TryAdd(chain, service);
            foreach (var endpoint in service.Endpoints)
                byChain.TryAdd(endpoint.Chain, service);
        }
    }

    /// <summary>The service ports, sorted by namespace, name and port name (ordinal).</summary>
    public IReadOnlyList<KubeService> Services { get; }

    /// <summary>Every endpoint of every service, in <see cref="Services"/> order.</summary>
    public IEnumerable<KubeEndpoint> Endpoints => Services.SelectMany(s => s.Endpoints);

    /// <summary>
    /// The service port named <c>ns/name:port</c> (or <c>ns/name</c> for an unnamed port; <c>ns/name:</c> is
    /// read the same); null when the snapshot has no rule for it.
    /// </summary>
    public KubeService? Find(string servicePortName)
    {
        ArgumentNullException.ThrowIfNull(servicePortName);
        return byKey.GetValueOrDefault(servicePortName.EndsWith(':') ? servicePortName[..^1] : servicePortName);
    }

    /// <summary>The service port a per-service chain (<c>KUBE-SVC/SVL/EXT/FW/XLB/SEP-*</c>) belongs to; null when none.</summary>
    public KubeService? FindByChain(string chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return byChain.GetValueOrDefault(chain);
    }

    /// <summary>Reads the kube-proxy rules of <paramref name="snapshot"/>'s nat and filter tables.</summary>
    public static KubernetesView For(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new KubernetesView(KubeServiceCollector.Collect(snapshot));
    }

    internal static string KeyOf(string @namespace, string name, string portName) =>
        portName.Length == 0 ? $"{@namespace}/{name}" : $"{@namespace}/{name}:{portName}";
}
