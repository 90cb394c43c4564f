// An organisation's own policy: no NodePort services in the default namespace.
// Run it with: iptables-policy check examples/rulesets/aks-node.v4 --policies 'examples/policies/*.csx'
var noDefaultNodePorts = new PolicyDescriptor(
    id: "ACME001",
    title: "NodePort service in the default namespace",
    messageFormat: "service {0} is exposed on every node at NodePort {1}; expose it through the ingress instead",
    category: "Kubernetes",
    defaultSeverity: Severity.Error,
    helpUri: "https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport",
    tags: ["kubernetes", "exposure"]);

foreach (var service in Kubernetes.Services.Where(s => s.Namespace == "default" && s.NodePort is not null))
{
    // The rule where NodePort traffic enters: nat KUBE-NODEPORTS (or filter KUBE-EXTERNAL-SERVICES when the
    // service has no endpoints and kube-proxy rejects it there).
    var entry = service.Rules.FirstOrDefault(r => r.Chain.Name == "KUBE-NODEPORTS")
        ?? service.NoEndpointsRules.FirstOrDefault(r => r.Chain.Name == "KUBE-EXTERNAL-SERVICES");
    if (entry is null)
        continue;
    var endpoints = service.Endpoints
        .SelectMany(e => e.Rules.Where(r => r.Target.Name == "DNAT"))
        .Select(r => new RelatedLocation(r, "traffic ends here"));
    Report(noDefaultNodePorts, entry, endpoints, service.ServicePortName, service.NodePort);
}
