using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// Chain-graph questions asked of a rule or a chain directly: <c>Rules.Where(r =&gt; r.Jumps("KUBE-SVC-*"))</c>.
/// The graph behind them is built once per table and shared.
/// </summary>
public static class ChainGraphExtensions
{
    /// <summary>True when the rule jumps (<c>-j</c>) to a chain whose name matches the pattern (<c>*</c> and <c>?</c>; see <see cref="ChainNamePattern"/>).</summary>
    public static bool Jumps(this Rule rule, string chainPattern) =>
        rule.Target.Kind == TargetKind.Jump && ChainNamePattern.IsMatch(rule.Target.Name, chainPattern);

    /// <summary>True when the rule goes (<c>-g</c>) to a chain whose name matches the pattern.</summary>
    public static bool GoesTo(this Rule rule, string chainPattern) =>
        rule.Target.Kind == TargetKind.Goto && ChainNamePattern.IsMatch(rule.Target.Name, chainPattern);

    /// <summary>True when the rule jumps (<c>-j</c>) or goes (<c>-g</c>) to a chain whose name matches the pattern.</summary>
    public static bool JumpsOrGoesTo(this Rule rule, string chainPattern) =>
        rule.Target.Kind is TargetKind.Jump or TargetKind.Goto && ChainNamePattern.IsMatch(rule.Target.Name, chainPattern);

    /// <summary>True when packets can get to the rule: its chain is reachable from a built-in chain and no earlier rule cuts it off.</summary>
    public static bool IsReachable(this Rule rule) => TableGraph.For(rule.Table).IsReachable(rule);

    /// <summary>True when packets can get to the chain from one of its table's built-in chains.</summary>
    public static bool IsReachable(this Chain chain) => TableGraph.For(chain.Table).IsReachable(chain);

    /// <summary>The rules of the chain's table that jump or go to it, in table order.</summary>
    public static IReadOnlyList<ChainCall> Callers(this Chain chain) => TableGraph.For(chain.Table).CallersOf(chain);

    /// <summary>The rules of the chain that jump or go to another chain, in rule order.</summary>
    public static IReadOnlyList<ChainCall> Callees(this Chain chain) => TableGraph.For(chain.Table).CalleesOf(chain);

    /// <summary>
    /// Whether a packet the rule matches leaves the chain there: <see cref="TriState.Yes"/> for a verdict (<c>ACCEPT</c>,
    /// <c>DROP</c>, <c>RETURN</c>, <c>QUEUE</c>), a terminating target (<c>REJECT</c>, <c>DNAT</c>, <c>SNAT</c>,
    /// <c>MASQUERADE</c>...), a <c>-g</c>, or a <c>-j</c> to a chain that always ends in a verdict; <see cref="TriState.No"/>
    /// for targets that go on (<c>LOG</c>, <c>MARK</c>, no target) and jumps to chains that can return;
    /// <see cref="TriState.Indeterminate"/> for unknown targets and jumps to missing chains or loops.
    /// </summary>
    public static TriState EndsChain(this Rule rule) => TargetFlows.Of(rule.Target) switch
    {
        TargetFlow.Terminates or TargetFlow.Returns or TargetFlow.GoesTo => TriState.Yes,
        TargetFlow.Continues => TriState.No,
        TargetFlow.Jumps when rule.Table.FindChain(rule.Target.Name) is { } callee => TableGraph.For(rule.Table).AlwaysEndsInVerdict(callee),
        _ => TriState.Indeterminate,
    };
}
