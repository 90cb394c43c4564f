#load "../_shared/_rules.csx"

// IPT2005: the filter table's INPUT or FORWARD policy is ACCEPT and the chain does not end in an unconditional
// DROP or REJECT. At the chain.

var acceptByDefault = new PolicyDescriptor(
    id: "IPT2005",
    title: "Filter chain accepts by default",
    messageFormat: "The filter table's {0} chain has policy ACCEPT and no rule that drops or rejects every packet: {1} that no rule handles are accepted",
    category: "Hygiene",
    defaultSeverity: Severity.Note,
    description: "A default-allow INPUT or FORWARD chain accepts whatever its rules forgot; default-deny is the usual stance.",
    tags: ["hygiene"]);

// The verdicts that end the chain for every packet they see.
bool Denies(Rule rule) => rule.Target.Name is "DROP" or "REJECT";

// A rule that drops every packet it matches, directly or through a chain whose last rule drops everything.
bool DeniesEverything(Rule rule)
{
    if (Denies(rule))
        return true;
    if (rule.Target.Kind is TargetKind.Jump or TargetKind.Goto && rule.Table.FindChain(rule.Target.Name) is { } callee && callee.Rules.Count > 0)
    {
        var last = callee.Rules[^1];
        return Denies(last) && MatchesEveryPacket(last) != false;
    }
    return false;
}

var filter = Snapshot.FindTable("filter");
foreach (var name in new[] { "INPUT", "FORWARD" })
{
    if (filter?.FindChain(name) is not { Policy: "ACCEPT" } chain)
        continue;
    // A rule that may match every packet (a listing without -v hides its interfaces) gets the benefit of the doubt.
    if (chain.Rules.Any(r => MatchesEveryPacket(r) != false && DeniesEverything(r)))
        continue;
    Report(acceptByDefault, chain, name, name == "INPUT" ? "packets to this host" : "forwarded packets");
}
