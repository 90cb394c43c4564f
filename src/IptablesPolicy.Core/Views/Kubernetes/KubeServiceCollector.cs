using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Kubernetes;

/// <summary>
/// Finds which rules belong to which service port, in two passes over the nat and filter tables: the first
/// reads every comment and learns which per-service chains each service port owns, the second hands each rule
/// (commented, or uncommented in an owned chain) to its service's <see cref="KubeServiceBuilder"/>.
/// </summary>
internal static class KubeServiceCollector
{
    /// <summary>The service ports of <paramref name="snapshot"/>'s nat and filter tables, sorted by namespace, name and port name.</summary>
    public static IReadOnlyList<KubeService> Collect(Snapshot snapshot)
    {
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
        return services;
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
}
