#load "../_shared/_snapshot.csx"

// IPT1104: CVE-2020-8558. A snapshot with kube-proxy chains whose filter table has no rule, reachable from INPUT,
// that drops packets to 127.0.0.0/8 not sourced from 127.0.0.0/8. At the *filter line (the first line of the
// snapshot when there is no filter table; the filter INPUT chain header in a listing). IPv4 only.

var localnet = new PolicyDescriptor(
    id: "IPT1104",
    title: "Localhost services reachable from the network (CVE-2020-8558)",
    messageFormat: "CVE-2020-8558: this node runs kube-proxy (which sets net.ipv4.conf.all.route_localnet=1) but {0} drops packets to 127.0.0.0/8 that do not come from 127.0.0.0/8: services listening on localhost can be reached from the node's network",
    category: "Security",
    defaultSeverity: Severity.Warning,
    description: "With route_localnet=1, packets to 127.0.0.0/8 from other hosts are routed to local services unless a filter rule drops them.",
    helpUri: "https://github.com/kubernetes/kubernetes/issues/92315",
    tags: ["security", "kubernetes", "cve"]);

var loopback = IPNetwork.Parse("127.0.0.0/8");

// The rule kubelet and kube-proxy write into KUBE-FIREWALL:
// -A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections"
//    -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
bool DropsLocalnet(Rule rule)
{
    if (rule.Target.Name is not ("DROP" or "REJECT"))
        return false;
    if (rule.Destination is not { IsNegated: false, Value.Network: { } destination } || destination.PrefixLength > 8 || !destination.Contains(loopback.BaseAddress))
        return false;
    // Any source, or any source but 127.0.0.0/8 (or less of it).
    if (rule.Source is { } source && !(source.IsNegated && source.Value.Network is { } excluded && loopback.Contains(excluded.BaseAddress)))
        return false;
    if (rule.Protocol is { } protocol && (protocol.IsNegated || protocol.Value != "all"))
        return false;
    if (rule.InInterface is { IsNegated: false, Value: not "+" } || rule.OutInterface is not null || rule.Fragment != FragmentFilter.Any)
        return false;
    // kube-proxy's conntrack condition spares replies and DNATed traffic; other matches narrow it down.
    return rule.Matches.All(m => m is CommentMatch or ConntrackMatch or StateMatch);
}

var runsKubeProxy = Chains.Any(c => c.Name.StartsWith("KUBE-", StringComparison.Ordinal));
if (!runsKubeProxy || Snapshot.Family == IpFamily.IPv6 || Graph.IsPartial || Tables.Any(t => t.IsTruncated))
    return;

var filter = Snapshot.FindTable("filter");
if (filter is null)
{
    // Only iptables-save output shows every table: elsewhere (iptables -t nat -L) the filter table was not asked for.
    if (Snapshot.Format == SnapshotFormat.Save)
    {
        // At the snapshot's first table header: the first line of the ruleset itself (comments above it aside).
        PolicyLocation first = Tables.Count > 0 ? Tables[0] : Snapshot;
        Report(localnet, first, "the snapshot has no filter table, so nothing");
    }
    return;
}

// One chain of it (iptables -L INPUT, iptables -S INPUT) may jump to the chain that holds the rule without showing it.
if (!ShowsWholeTable(Snapshot, filter))
    return;

var graph = Graph.Tables.First(t => t.Table == filter);
var input = filter.FindChain("INPUT");
var protectedInput = false;
if (input is not null)
{
    var seen = new HashSet<Chain> { input };
    var pending = new Queue<Chain>(seen);
    while (pending.TryDequeue(out var chain) && !protectedInput)
    {
        foreach (var rule in chain.Rules)
        {
            if (graph.CutOff(rule) is not null)
                break;
            if (DropsLocalnet(rule))
            {
                protectedInput = true;
                break;
            }
            if (rule.Target.Kind is TargetKind.Jump or TargetKind.Goto && filter.FindChain(rule.Target.Name) is { } next && seen.Add(next))
                pending.Enqueue(next);
        }
    }
}
if (protectedInput)
    return;

PolicyLocation where = filter.Span is not null || input?.Span is null ? (PolicyLocation)filter : input!;
Report(localnet, where, "no rule reachable from the filter table's INPUT chain");
