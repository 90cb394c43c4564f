// IPT2004: a rule covered by an earlier rule of the same chain that ends the chain and provably matches every
// packet the later rule matches. "Redundant" when both have the same target, "shadowed" otherwise (the
// FIREMAN / Al-Shaer terms). At the later rule, with the earlier one related.

var coveredRule = new PolicyDescriptor(
    id: "IPT2004",
    title: "Shadowed or redundant rule",
    messageFormat: "This rule is {0}: rule {1} of {2} matches every packet it matches and {3}",
    category: "Hygiene",
    defaultSeverity: Severity.Warning,
    description: "An earlier rule of the chain that ends the chain matches every packet this rule matches, decided on protocol, addresses, interfaces, ports, connection states and ICMP types.",
    tags: ["hygiene"]);

var unreachable = Graph.UnreachableRules.Select(u => u.Rule).ToHashSet();
// Earlier rules that end the chain and whose every condition is modelled, bucketed by destination so that a
// 10k-rule chain of /32 destinations compares each rule with a handful of candidates, not all before it. Emptied
// for each chain rather than made anew: a kube-proxy node has tens of thousands of chains.
var anyDestination = new List<(Rule Rule, EffectiveMatch Match)>();
var byHost = new Dictionary<AddressRange, List<(Rule Rule, EffectiveMatch Match)>>();
var otherDestinations = new List<(Rule Rule, EffectiveMatch Match)>();
foreach (var chain in Chains)
{
    anyDestination.Clear();
    byHost.Clear();
    otherDestinations.Clear();
    foreach (var rule in chain.Rules)
    {
        CancellationToken.ThrowIfCancellationRequested();
        // A rule's effective match is worked out only when it is needed: most chains of a kube-proxy node have no
        // rule that ends them before their last, so there is nothing to compare with.
        EffectiveMatch? match = null;
        var hasCandidates = anyDestination.Count > 0 || byHost.Count > 0 || otherDestinations.Count > 0;
        // A rule no packet reaches at all is IPT2003's finding.
        if (hasCandidates && !unreachable.Contains(rule) && (match = rule.Effective()) is { IsEmpty: false })
        {
            var host = SingleHost(match.Destination);
            // Each bucket holds its rules in chain order, so its first covering rule is its earliest.
            var covering = FirstCovering(anyDestination, match, null);
            if (host is null)
            {
                foreach (var bucket in byHost.Values)
                    covering = FirstCovering(bucket, match, covering);
            }
            else if (byHost.TryGetValue(host.Value, out var sameHost))
            {
                covering = FirstCovering(sameHost, match, covering);
            }
            covering = FirstCovering(otherDestinations, match, covering);
            if (covering is not null)
            {
                var same = covering.Target.ToString() == rule.Target.ToString();
                Report(coveredRule, rule, [new RelatedLocation(covering, "the earlier rule that matches all of its packets")],
                    same ? "redundant" : "shadowed", covering.Position, chain.Name, same ? "has the same target" : $"ends the chain with {Describe(covering)}");
            }
        }
        // The chain's last rule covers nothing after it (most kube-proxy chains end with their only rule that ends them).
        if (rule.Position < chain.Rules.Count && rule.EndsChain() == TriState.Yes && (match ??= rule.Effective()).IsFullyModelled)
        {
            var host = SingleHost(match.Destination);
            if (match.Destination.IsAny)
                anyDestination.Add((rule, match));
            else if (host is { } key)
                (byHost.TryGetValue(key, out var list) ? list : byHost[key] = []).Add((rule, match));
            else
                otherDestinations.Add((rule, match));
        }
    }
}

// The earliest rule of the bucket that covers the match and comes before `earliest`, else `earliest`. A plain loop:
// this runs for every rule of a 100k-rule table.
static Rule? FirstCovering(List<(Rule Rule, EffectiveMatch Match)> bucket, EffectiveMatch match, Rule? earliest)
{
    foreach (var (rule, candidate) in bucket)
    {
        if (earliest is not null && rule.Position >= earliest.Position)
            break;
        if (candidate.Covers(match) == TriState.Yes)
            return rule;
    }
    return earliest;
}

static AddressRange? SingleHost(AddressSet destination) =>
    destination.Ranges is [var only] && only.First.Equals(only.Last) ? only : null;

static string Describe(Rule rule) => rule.Target.Kind switch
{
    TargetKind.Goto => $"-g {rule.Target.Name}",
    TargetKind.Jump => $"-j {rule.Target.Name}",
    _ => rule.Target.Name,
};
