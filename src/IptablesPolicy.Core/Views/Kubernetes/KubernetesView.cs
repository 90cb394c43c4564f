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
            foreach (var chain in service.Chains.Concat(service.Endpoints.Select(e => e.Chain)))
                byChain.TryAdd(chain, service);
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
        var tables = snapshot.Tables.Where(t => t.Name is "nat" or "filter").ToArray();
        // Per-service chains exist only in kube-proxy's nat table; a headerless fragment (iptables-save | grep) of
        // only jumps has its table inferred as filter, so there the chain's name says where it came from.
        var tableInferred = snapshot.Unknown.Contains("table");
        bool IsNat(Rule rule) => rule.Table.Name == "nat" || (tableInferred && KubeChainNames.IsPerService(rule.Chain.Name));
        var rules = new List<(Rule Rule, ParsedComment? Comment, bool IsNat)>(tables.Sum(t => t.Chains.Sum(c => c.Rules.Count)));
        var owners = new Dictionary<string, ServicePortName>(StringComparer.Ordinal);
        var reader = new KubeProxyComment();

        // First pass: a per-service chain belongs to the service port named by a comment of a rule in it or
        // jumping to it, so its uncommented rules (KUBE-EXT's "-j KUBE-SVC-...", KUBE-FW's drop) are found too.
        foreach (var table in tables)
        {
            foreach (var chain in table.Chains)
            {
                // Indexed loops: the interface enumerators would cost an allocation per chain and per rule.
                for (var i = 0; i < chain.Rules.Count; i++)
                {
                    var rule = chain.Rules[i];
                    var comment = reader.TryParse(CommentOf(rule));
                    var isNat = IsNat(rule);
                    rules.Add((rule, comment, isNat));
                    if (comment is not { Name: var name } || !isNat)
                        continue;
                    if (KubeChainNames.IsPerService(chain.Name))
                        owners.TryAdd(chain.Name, name);
                    if (KubeChainNames.IsPerService(rule.Target.Name))
                        owners.TryAdd(rule.Target.Name, name);
                }
            }
        }

        var builders = new Dictionary<string, KubeServiceBuilder>(StringComparer.Ordinal);
        foreach (var (rule, comment, isNat) in rules)
        {
            var owner = comment?.Name ?? (isNat ? owners.GetValueOrDefault(rule.Chain.Name) : null);
            if (owner is null)
                continue;
            if (!builders.TryGetValue(owner.Key, out var builder))
                builders.Add(owner.Key, builder = new KubeServiceBuilder(owner.Namespace, owner.Name, owner.PortName));
            builder.Add(rule, comment, isNat);
        }

        var services = builders.Values
            .OrderBy(b => b.Namespace, StringComparer.Ordinal)
            .ThenBy(b => b.Name, StringComparer.Ordinal)
            .ThenBy(b => b.PortName, StringComparer.Ordinal)
            .Select(b => new KubeService(b))
            .ToArray()
            .AsReadOnly();
        return new KubernetesView(services);
    }

    private static string? CommentOf(Rule rule)
    {
        var matches = rule.Matches;
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is Model.Matches.CommentMatch comment)
                return comment.Text;
        }
        return null;
    }

    internal static string KeyOf(string @namespace, string name, string portName) =>
        portName.Length == 0 ? $"{@namespace}/{name}" : $"{@namespace}/{name}:{portName}";
}
