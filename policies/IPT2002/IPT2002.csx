#load "../_shared/_snapshot.csx"

// IPT2002: a user-defined chain that no rule jumps or goes to, except kube-proxy's deliberately unreferenced
// canary and hint chains. At the chain.

var unusedChain = new PolicyDescriptor(
    id: "IPT2002",
    title: "Unused chain",
    messageFormat: "Chain {0} of the {1} table is never used: no rule jumps or goes to it",
    category: "Hygiene",
    defaultSeverity: Severity.Note,
    description: "A user-defined chain nothing jumps to sees no packet: it is left over or its jump is missing.",
    tags: ["hygiene"]);

// The kubelet and kube-proxy create these on purpose and never jump to them: they watch the canaries to notice that
// another program flushed their tables, and the kubelet's hint tells iptables wrappers which backend the host uses.
var deliberate = new HashSet<string>(StringComparer.Ordinal) { "KUBE-KUBELET-CANARY", "KUBE-PROXY-CANARY", "KUBE-IPTABLES-HINT" };

foreach (var table in Tables)
{
    if (!ShowsWholeTable(Snapshot, table))
        continue;
    foreach (var chain in table.Chains)
    {
        if (chain.IsBuiltIn || deliberate.Contains(chain.Name) || chain.Callers().Count > 0)
            continue;
        Report(unusedChain, chain, chain.Name, table.Name);
    }
}
