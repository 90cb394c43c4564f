using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// Works out, for every chain of a table, whether every path through it ends in a verdict. A chain is
/// read from its last rule back to its first: what follows a rule is known before the rule is judged.
/// </summary>
internal sealed class VerdictAnalysis
{
    private readonly Table table;
    private readonly Dictionary<Chain, TriState> outcomes = [];
    private readonly HashSet<Chain> inProgress = [];

    private VerdictAnalysis(Table table) => this.table = table;

    /// <param name="table">The table.</param>
    /// <param name="cycles">The table's jump loops: how their chains end depends on which one is entered first, so it is not told.</param>
    public static IReadOnlyDictionary<Chain, TriState> Run(Table table, IReadOnlyList<JumpCycle> cycles)
    {
        var analysis = new VerdictAnalysis(table);
        foreach (var chain in cycles.SelectMany(c => c.Chains))
            analysis.outcomes[chain] = TriState.Indeterminate;
        foreach (var chain in table.Chains)
            analysis.Outcome(chain);
        return analysis.outcomes;
    }

    private TriState Outcome(Chain chain)
    {
        if (outcomes.TryGetValue(chain, out var known))
            return known;
        // Chains of loops are settled before the walk starts; this guards against a loop missed all the same.
        if (!inProgress.Add(chain))
            return TriState.Indeterminate;
        var outcome = Judge(chain);
        inProgress.Remove(chain);
        outcomes[chain] = outcome;
        return outcome;
    }

    private TriState Judge(Chain chain)
    {
        // A built-in chain's policy is a verdict, and RETURN or the end of it applies the policy.
        // Its callees are still judged, as they are needed on their own.
        var result = chain.IsBuiltIn ? TriState.Yes : TriState.No;
        for (var i = chain.Rules.Count - 1; i >= 0; i--)
        {
            var rule = chain.Rules[i];
            var whenMatched = WhenMatched(rule, result);
            result = RuleConditions.IsUnconditional(rule) ? whenMatched : Both(whenMatched, result);
        }
        return chain.IsBuiltIn ? TriState.Yes : result;
    }

    /// <summary>Whether every path ends in a verdict for a packet the rule matches, given what follows the rule.</summary>
    private TriState WhenMatched(Rule rule, TriState rest) => TargetFlows.Of(rule.Target) switch
    {
        TargetFlow.Continues => rest,
        TargetFlow.Terminates => TriState.Yes,
        TargetFlow.Returns => TriState.No,
        TargetFlow.GoesTo => Callee(rule),
        TargetFlow.Jumps => Callee(rule) switch
        {
            TriState.Yes => TriState.Yes,
            TriState.No => rest,
            _ => rest == TriState.Yes ? TriState.Yes : TriState.Indeterminate,
        },
        // An unknown target either ends the path or lets it go on: only a certain ending after it decides.
        _ => rest == TriState.Yes ? TriState.Yes : TriState.Indeterminate,
    };

    private TriState Callee(Rule rule) =>
        table.FindChain(rule.Target.Name) is { } callee ? Outcome(callee) : TriState.Indeterminate;

    /// <summary>A conditional rule: packets it matches and packets it does not must both end in a verdict.</summary>
    private static TriState Both(TriState matched, TriState notMatched) =>
        matched == TriState.No || notMatched == TriState.No ? TriState.No
        : matched == TriState.Yes && notMatched == TriState.Yes ? TriState.Yes
        : TriState.Indeterminate;
}
