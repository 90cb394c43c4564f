#load "../_shared/_snapshot.csx"

// IPT1101: a KUBE-SVC-* or KUBE-SVL-* chain none of whose rules jumps to an existing KUBE-SEP-* chain.
// At the first KUBE-SERVICES rule that jumps to it, else at the chain.

var serviceWithoutEndpoints = new PolicyDescriptor(
    id: "IPT1101",
    title: "Kubernetes service chain without endpoints",
    messageFormat: "Service chain {0}{1} jumps to no endpoint chain (KUBE-SEP-*): its traffic reaches no pod",
    category: "Kubernetes",
    defaultSeverity: Severity.Error,
    description: "kube-proxy writes a KUBE-SVC/KUBE-SVL chain only for a service port with endpoints; one that reaches no KUBE-SEP chain sends its traffic nowhere.",
    tags: ["kubernetes"]);

foreach (var table in Tables)
{
    // In an excerpt (iptables-save | grep) an endpoint chain may exist without being shown.
    var partial = Graph.IsPartial;
    if (table.IsTruncated)
        continue;
    foreach (var chain in table.Chains)
    {
        if (!chain.Name.StartsWith("KUBE-SVC-", StringComparison.Ordinal) && !chain.Name.StartsWith("KUBE-SVL-", StringComparison.Ordinal))
            continue;
        var reachesEndpoint = chain.Rules.Any(r =>
            r.JumpsOrGoesTo("KUBE-SEP-*") && (partial || table.FindChain(r.Target.Name) is not null));
        if (reachesEndpoint)
            continue;
        var service = Kubernetes.FindByChain(chain.Name)?.ServicePortName;
        var entry = chain.Callers().FirstOrDefault(c => c.Caller.Name == "KUBE-SERVICES")?.Rule;
        var related = entry is null ? [] : new[] { new RelatedLocation(chain, $"the chain {chain.Name}") };
        PolicyLocation location = entry is null ? chain : entry;
        Report(serviceWithoutEndpoints, location, related, chain.Name, service is null ? "" : $" (service {service})");
    }
}
