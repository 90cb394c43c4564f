#load "../_shared/_snapshot.csx"

// IPT2001: a -j or -g target that is neither a built-in verdict, a target extension netfilter knows, nor a chain
// declared in the rule's table. At the rule.

var unknownTarget = new PolicyDescriptor(
    id: "IPT2001",
    title: "Unknown jump target",
    messageFormat: "Target {0} is neither a chain of the {1} table, a built-in verdict nor a target extension iptables knows{2}",
    category: "Correctness",
    defaultSeverity: Severity.Error,
    description: "iptables-restore refuses a rule whose target is not a chain of its table, a verdict or a loaded target extension.",
    tags: ["hygiene"]);

// The target extensions of iptables 1.8.13 (the xtables_target registrations in its extensions/ folder), for
// iptables and ip6tables; names only.
var both = new HashSet<string>(StringComparer.Ordinal)
{
    "AUDIT", "CHECKSUM", "CLASSIFY", "CONNMARK", "CONNSECMARK", "CT", "DNAT", "DSCP", "HMARK", "IDLETIMER", "LED",
    "LOG", "MARK", "MASQUERADE", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK", "RATEEST", "REDIRECT", "REJECT", "SECMARK",
    "SET", "SNAT", "SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE",
};
var ipv4Only = new HashSet<string>(StringComparer.Ordinal) { "CLUSTERIP", "ECN", "TTL", "ULOG" };
var ipv6Only = new HashSet<string>(StringComparer.Ordinal) { "DNPT", "SNPT", "HL" };
var family = Snapshot.Family;
bool IsExtension(string name) =>
    both.Contains(name)
    || (ipv4Only.Contains(name) && family != IpFamily.IPv6)
    || (ipv6Only.Contains(name) && family != IpFamily.IPv4);

foreach (var table in Tables)
{
    var wholeTable = ShowsWholeTable(Snapshot, table);
    foreach (var rule in table.Rules)
    {
        var target = rule.Target;
        var name = target.Name;
        switch (target.Kind)
        {
            case TargetKind.Jump when table.FindChain(name) is not null || IsExtension(name) || Target.Verdicts.Contains(name):
            case TargetKind.Goto when table.FindChain(name) is not null:
            case TargetKind.Extension when IsExtension(name) || Target.Verdicts.Contains(name):
            case TargetKind.None or TargetKind.Verdict:
                continue;
        }
        // A chain the input does not show may exist (iptables -L INPUT, iptables-save | grep): only a target
        // given options is then certainly an extension.
        if (!wholeTable && target.Kind != TargetKind.Extension)
            continue;
        Report(unknownTarget, rule, name, table.Name, Hint(name, target.Kind));
    }
}

string Hint(string name, TargetKind kind)
{
    var upper = name.ToUpperInvariant();
    if (kind == TargetKind.Goto && (IsExtension(name) || Target.Verdicts.Contains(name)))
        return $" (-g needs a chain; use -j {name})";
    if (upper != name && (Target.Verdicts.Contains(upper) || IsExtension(upper)))
        return $" (targets are case-sensitive: did you mean {upper}?)";
    if (ipv4Only.Contains(name))
        return " (it is an iptables target; this is an IPv6 snapshot)";
    if (ipv6Only.Contains(name))
        return " (it is an ip6tables target; this is an IPv4 snapshot)";
    return "";
}
