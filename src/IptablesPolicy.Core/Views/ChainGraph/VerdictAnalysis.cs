using System.Diagnostics;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// Works out, for every chain of a table, whether every path through it ends in a verdict. A chain is
/// read from its last rule back to its first: what follows a rule is known before the rule is judged;
/// and chains are judged callees first, so what a jump leads to is known too.
/// </summary>
internal sealed class VerdictAnalysis
{
    private readonly ChainCall[][] callees;
    private readonly TriState[] outcomes;

    private VerdictAnalysis(Table table, ChainCall[][] callees)
    {
        this.callees = callees;
        // By chain number. A callee not judged yet is one in a loop with its caller.
        outcomes = new TriState[table.Chains.Count];
        Array.Fill(outcomes, TriState.Indeterminate);
    }

    /// <summary>Judges the chains callees first, so every jump's target is judged before the jump.</summary>
    /// <param name="table">The table.</param>
    /// <param name="order">The table's chains, callees first. How the chains of a loop end depends on which one is entered first, so it is not told.</param>
    /// <param name="callees">Each chain's jumps and gotos in rule order, with their resolved callees.</param>
    public static TriState[] Run(Table table, CallOrder order, ChainCall[][] callees)
    {
        var analysis = new VerdictAnalysis(table, callees);
        foreach (var component in order.Components)
        {
            var isLoop = order.IsLoop(component);
            foreach (var number in component)
            {
                var chain = order.Chains[number];
                analysis.outcomes[number] = isLoop ? TriState.Indeterminate : analysis.Judge(chain);
            }
        }
        return analysis.outcomes;
    }

    private TriState Judge(Chain chain)
    {
        // A built-in chain's policy is a verdict, and RETURN or the end of it applies the policy.
        if (chain.IsBuiltIn)
            return TriState.Yes;
        var result = TriState.No;
        // The chain's calls are its jump and goto rules in rule order: walked backwards alongside the rules, they
        // give each jump its callee without looking the name up again.
        var calls = callees[chain.Index];
        var call = calls.Length - 1;
        for (var i = chain.Rules.Count - 1; i >= 0; i--)
        {
            var rule = chain.Rules[i];
            var callee = rule.Target.Kind is TargetKind.Jump or TargetKind.Goto ? CalleeOf(calls[call--], rule) : null;
            var whenMatched = WhenMatched(rule, callee, result);
            result = RuleConditions.IsUnconditional(rule) ? whenMatched : Both(whenMatched, result);
        }
        return result;
    }

    /// <summary>Whether every path ends in a verdict for a packet the rule matches, given what follows the rule.</summary>
    private TriState WhenMatched(Rule rule, Chain? callee, TriState rest) => TargetFlows.Of(rule.Target) switch
    {
        TargetFlow.Continues => rest,
        TargetFlow.Terminates => TriState.Yes,
        TargetFlow.Returns => TriState.No,
        TargetFlow.GoesTo => Outcome(callee),
        TargetFlow.Jumps => Outcome(callee) switch
        {
            TriState.Yes => TriState.Yes,
            TriState.No => rest,
            _ => rest == TriState.Yes ? TriState.Yes : TriState.Indeterminate,
        },
        // An unknown target either ends the path or lets it go on: only a certain ending after it decides.
        _ => rest == TriState.Yes ? TriState.Yes : TriState.Indeterminate,
    };

    private static Chain? CalleeOf(ChainCall call, Rule rule)
    {
        Debug.Assert(ReferenceEquals(call.Rule, rule), "a chain's calls are its jump and goto rules in rule order");
        return call.Callee;
    }

    private TriState Outcome(Chain? callee) => callee is null ? TriState.Indeterminate : outcomes[callee.Index];

    /// <summary>A conditional rule: packets it matches and packets it does not must both end in a verdict.</summary>
    private static TriState Both(TriState matched, TriState notMatched) =>
        matched == TriState.No || notMatched == TriState.No ? TriState.No
        : matched == TriState.Yes && notMatched == TriState.Yes ? TriState.Yes
        : TriState.Indeterminate;
}
