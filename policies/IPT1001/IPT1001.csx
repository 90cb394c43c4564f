#load "../_shared/_rules.csx"

// IPT1001: a NodePort, load-balancer or external-IP path of a kube-proxy service that ends in a DNAT to
// 168.63.129.16 (the Azure WireServer and host agent). At the rule where the path starts (the KUBE-NODEPORTS
// rule, or the KUBE-SERVICES rule of a load-balancer or external IP), the DNAT related.

var exposesWireServer = new PolicyDescriptor(
    id: "IPT1001",
    title: "Kubernetes service exposes the Azure WireServer",
    messageFormat: "{0}{1} leads to a DNAT to 168.63.129.16 (Azure WireServer and host agent): traffic from outside the cluster reaches the host's platform endpoint",
    category: "Security",
    defaultSeverity: Severity.Error,
    description: "A service whose endpoint is 168.63.129.16 and that is reachable from outside the cluster exposes Azure's WireServer, which serves the VM's configuration and extension settings.",
    helpUri: "https://learn.microsoft.com/en-us/azure/virtual-network/what-is-ip-address-168-63-129-16",
    tags: ["security", "kubernetes", "azure"]);

var wireServer = IPAddress.Parse("168.63.129.16");

bool DnatsToWireServer(Rule rule)
{
    if (rule.Target is not NatTarget { IsDestinationNat: true } nat || nat.FirstAddress is not { } first)
        return false;
    var last = nat.LastAddress ?? first;
    if (first.AddressFamily != wireServer.AddressFamily)
        return false;
    var value = ToNumber(wireServer);
    return ToNumber(first) <= value && value <= ToNumber(last);
}

static uint ToNumber(IPAddress address)
{
    var b = address.GetAddressBytes();
    return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
}

// The DNATs to the WireServer a packet can reach from a jump to this chain, depth first, each chain once.
List<Rule> WireServerDnats(Table table, string chainName)
{
    var found = new List<Rule>();
    var seen = new HashSet<string>(StringComparer.Ordinal);
    var pending = new Stack<string>();
    pending.Push(chainName);
    while (pending.TryPop(out var name))
    {
        if (!seen.Add(name) || table.FindChain(name) is not { } chain)
            continue;
        foreach (var rule in chain.Rules)
        {
            if (DnatsToWireServer(rule))
                found.Add(rule);
            else if (rule.Target.Kind is TargetKind.Jump or TargetKind.Goto)
                pending.Push(rule.Target.Name);
        }
    }
    return found;
}

// Paths start in KUBE-NODEPORTS and KUBE-SERVICES only: reading those two chains rather than every rule of
// the table keeps the policy fast on a 100k-rule node.
var startChains = new[] { "KUBE-NODEPORTS", "KUBE-SERVICES" };
foreach (var table in Tables.Where(t => t.Name == "nat"))
{
    foreach (var rule in startChains.Select(table.FindChain).OfType<Chain>().SelectMany(c => c.Rules))
    {
        if (rule.Target.Kind is not (TargetKind.Jump or TargetKind.Goto) || rule.Target.Name == "KUBE-MARK-MASQ")
            continue;
        string path;
        var comment = CommentOf(rule) ?? "";
        var service = comment.Split(' ')[0].TrimEnd(':');
        if (rule.Chain.Name == "KUBE-NODEPORTS")
            path = SingleDestinationPort(rule) is { } nodePort ? $"NodePort {nodePort}" : "A NodePort";
        else if (rule.Chain.Name == "KUBE-SERVICES" && comment.EndsWith(" external IP", StringComparison.Ordinal))
            path = $"External IP {DescribeAddress(rule.Destination)}";
        else if (rule.Chain.Name == "KUBE-SERVICES" && comment.EndsWith(" loadbalancer IP", StringComparison.Ordinal))
            path = $"Load-balancer IP {DescribeAddress(rule.Destination)}";
        else
            continue;
        var dnats = WireServerDnats(table, rule.Target.Name);
        if (dnats.Count == 0)
            continue;
        var named = service.Contains('/') ? $" of service {service}" : "";
        Report(exposesWireServer, rule, dnats.Select(d => new RelatedLocation(d, "the DNAT to 168.63.129.16")), path, named);
    }
}
