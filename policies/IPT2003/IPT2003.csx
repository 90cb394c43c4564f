// IPT2003: a rule no packet can reach, because an earlier rule of its chain matches every packet and ends the
// chain for it. At each unreachable rule, with the ending rule related.

var unreachableRule = new PolicyDescriptor(
    id: "IPT2003",
    title: "Unreachable rule",
    messageFormat: "No packet reaches this rule: rule {0} of {1} matches every packet and {2}",
    category: "Hygiene",
    defaultSeverity: Severity.Warning,
    description: "A rule after an unconditional ACCEPT, DROP, REJECT, RETURN, goto or NAT target never sees a packet.",
    tags: ["hygiene"]);

foreach (var unreachable in Graph.UnreachableRules)
{
    var cut = unreachable.CutOffBy;
    var target = cut.Target;
    var what = target.Kind switch
    {
        TargetKind.Verdict when target.Name == "RETURN" => "returns it to the calling chain",
        TargetKind.Verdict when target.Name == "QUEUE" => "queues it to user space",
        TargetKind.Verdict => target.Name == "ACCEPT" ? "accepts it" : "drops it",
        TargetKind.Goto => $"goes to {target.Name} without coming back",
        TargetKind.Jump => $"jumps to {target.Name}, which always ends in a verdict",
        _ => target.Name == "REJECT" ? "rejects it" : $"ends the chain with {target.Name}",
    };
    Report(unreachableRule, unreachable.Rule, [new RelatedLocation(cut, "the rule that every packet stops at")], cut.Position, cut.Chain.Name, what);
}
