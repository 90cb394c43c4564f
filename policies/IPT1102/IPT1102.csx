#load "../_shared/_rules.csx"

// IPT1102: every kube-proxy "has no endpoints" REJECT rule, at that rule, naming the service port, the address
// and the port it rejects.

var noEndpoints = new PolicyDescriptor(
    id: "IPT1102",
    title: "Kubernetes service has no endpoints",
    messageFormat: "Service port {0} has no endpoints: kube-proxy rejects {1}",
    category: "Kubernetes",
    defaultSeverity: Severity.Warning,
    description: "kube-proxy wrote a REJECT rule for a service port with no ready endpoints: clients get 'connection refused' (ICMP port unreachable).",
    tags: ["kubernetes"]);

const string Suffix = " has no endpoints";

foreach (var rule in Rules)
{
    if (rule.Target.Name != "REJECT")
        continue;
    var comment = CommentOf(rule);
    if (comment is null || !comment.EndsWith(Suffix, StringComparison.Ordinal) || comment.Length == Suffix.Length)
        continue;
    var service = comment[..^Suffix.Length].TrimEnd(':');
    var protocol = ProtocolOf(rule) ?? "traffic";
    var port = SingleDestinationPort(rule);
    var isNodePort = rule.Destination is null && rule.Match<AddrtypeMatch>()?.DestinationTypes is { IsNegated: false, Value: var types } && types.Contains("LOCAL");
    string what;
    if (isNodePort)
        what = port is { } nodePort ? $"{protocol} to NodePort {nodePort} on the node's local addresses" : $"{protocol} to the node's local addresses";
    else
        what = $"{protocol} to {DescribeAddress(rule.Destination)}{(port is { } p ? $" port {p}" : "")}";
    Report(noEndpoints, rule, service, what);
}
