using System.Diagnostics;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// The chain graph of one table: which rules jump (<c>-j</c>) or go (<c>-g</c>) to which chains, the
/// chains packets can reach from the built-in chains, the rules no packet can reach, the chains that always
/// end in a verdict, jump loops and jumps to chains that do not exist. Built once per table
/// (<see cref="For(Table)"/>), immutable, and safe to query from several policies at once.
/// </summary>
/// <remarks>
/// Where an answer would need a guess (an unknown target extension, a field the input could not show, a
/// jump to a missing chain) the graph is conservative: a rule with an unknown match is treated as one that
/// may not match, and <see cref="AlwaysEndsInVerdict(Chain)"/> says <see cref="TriState.Indeterminate"/>.
/// </remarks>
public sealed class TableGraph
{
    private static readonly ViewCache<Table, TableGraph> Cache = new(t => new TableGraph(t));

    // Per-chain facts are arrays indexed by Chain.Index: a kube-proxy nat table has tens of thousands of chains.
    private readonly ChainCall[][] callersOfChain;
    private readonly Dictionary<string, List<ChainCall>> callersOfMissing;
    private readonly ChainCall[][] calleesOfChain;
    private readonly TriState[] verdicts;
    private readonly bool[] reachable;
    private readonly Dictionary<Rule, UnreachableRule> unreachableByRule;

    private TableGraph(Table table)
    {
        Table = table;
        (calleesOfChain, callersOfChain, callersOfMissing) = CollectCalls(table);
        var order = CallOrder.Of(table.Chains, calleesOfChain);
        verdicts = VerdictAnalysis.Run(table, order, calleesOfChain);
        UnreachableRules = FindUnreachableRules(table, calleesOfChain, verdicts);
        unreachableByRule = UnreachableRules.ToDictionary(u => u.Rule);
        reachable = FindReachable(table, calleesOfChain, unreachableByRule);
        Cycles = CycleFinder.Find(order, calleesOfChain, reachable);
        ReachableChains = table.Chains.Where(c => reachable[c.Index]).ToList();
        Orphans = table.Chains.Where(c => !reachable[c.Index]).ToList();
        MissingTargets = calleesOfChain.SelectMany(calls => calls).Where(c => c.Callee is null).ToList();
    }

    /// <summary>The table the graph describes.</summary>
    public Table Table { get; }

    /// <summary>
    /// The rules that can never be reached because an earlier unconditional rule of their chain sends every
    /// packet elsewhere, in table order. Rules of chains nothing reaches are not listed here (see <see cref="Orphans"/>).
    /// </summary>
    public IReadOnlyList<UnreachableRule> UnreachableRules { get; }

    /// <summary>
    /// The chains packets can get to, in declaration order: the built-in chains and every chain a reachable
    /// rule of a reachable chain jumps or goes to.
    /// </summary>
    public IReadOnlyList<Chain> ReachableChains { get; }

    /// <summary>
    /// The chains no packet can reach from the table's built-in chains, in declaration order: chains nothing
    /// jumps to, and chains only unreachable rules or other orphans jump to. A table netfilter does not know
    /// has no built-in chains, so all its chains are listed.
    /// </summary>
    public IReadOnlyList<Chain> Orphans { get; }

    /// <summary>
    /// The jump loops of the table, ordered by their first chain; iptables refuses a ruleset with one that
    /// a built-in chain leads to (<see cref="JumpCycle.IsReachable"/>).
    /// </summary>
    public IReadOnlyList<JumpCycle> Cycles { get; }

    /// <summary>
    /// The jumps and gotos to a chain the table does not have, in table order. A <c>-j NAME</c> without
    /// options may also be a target extension the project does not know; either way iptables needs it to exist.
    /// </summary>
    public IReadOnlyList<ChainCall> MissingTargets { get; }

    /// <summary>The graph of a table, built on first use and shared afterwards.</summary>
    public static TableGraph For(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Cache.For(table);
    }

    /// <summary>The rules of this table that jump or go to the chain, in table order.</summary>
    public IReadOnlyList<ChainCall> CallersOf(Chain chain) => Owns(chain) ? callersOfChain[chain.Index] : CallersOf(chain.Name);

    /// <summary>The rules of this table that jump or go to the chain of that name (which may not exist), in table order.</summary>
    public IReadOnlyList<ChainCall> CallersOf(string chainName) =>
        Table.FindChain(chainName) is { } chain && Owns(chain) ? callersOfChain[chain.Index] : (IReadOnlyList<ChainCall>?)callersOfMissing.GetValueOrDefault(chainName) ?? [];

    /// <summary>The rules of the chain that jump or go to another chain, in rule order.</summary>
    public IReadOnlyList<ChainCall> CalleesOf(Chain chain) => Owns(chain) ? calleesOfChain[chain.Index] : [];

    /// <summary>The rules of the chain of that name that jump or go to another chain; empty when there is no such chain.</summary>
    public IReadOnlyList<ChainCall> CalleesOf(string chainName) =>
        Table.FindChain(chainName) is { } chain ? CalleesOf(chain) : [];

    /// <summary>True when packets can get to the chain: it is built in, or a reachable rule of a reachable chain jumps or goes to it.</summary>
    public bool IsReachable(Chain chain) => Owns(chain) && reachable[chain.Index];

    /// <summary>True when the table has a chain of that name and packets can get to it.</summary>
    public bool IsReachable(string chainName) => Table.FindChain(chainName) is { } chain && IsReachable(chain);

    /// <summary>True when packets can get to the rule: its chain is reachable and no earlier rule cuts it off.</summary>
    public bool IsReachable(Rule rule) => IsReachable(rule.Chain) && !unreachableByRule.ContainsKey(rule);

    /// <summary>Why the rule cannot be reached inside its chain, or null when nothing earlier in its chain cuts it off.</summary>
    public UnreachableRule? CutOff(Rule rule) => unreachableByRule.GetValueOrDefault(rule);

    /// <summary>
    /// Whether every path through the chain ends in a verdict (<c>ACCEPT</c>, <c>DROP</c>, <c>REJECT</c>,
    /// <c>DNAT</c>...) rather than a <c>RETURN</c> or falling off its end. Built-in chains always do: their
    /// policy is the verdict. A conditional rule counts as one that may or may not match.
    /// <see cref="TriState.Indeterminate"/> when an unknown target, a missing chain or a loop is in the way
    /// (every chain of a <see cref="Cycles">cycle</see> is indeterminate).
    /// </summary>
    /// <remarks>
    /// Each chain is judged on its own, not given what its callers checked: a <c>KUBE-SEP</c> chain whose DNAT
    /// rule says <c>-p tcp</c> counts as <see cref="TriState.No"/> even though only TCP packets are sent there.
    /// </remarks>
    public TriState AlwaysEndsInVerdict(Chain chain) => Owns(chain) ? verdicts[chain.Index] : TriState.Indeterminate;

    /// <summary>As <see cref="AlwaysEndsInVerdict(Chain)"/>; <see cref="TriState.Indeterminate"/> when the table has no chain of that name.</summary>
    public TriState AlwaysEndsInVerdict(string chainName) =>
        Table.FindChain(chainName) is { } chain ? AlwaysEndsInVerdict(chain) : TriState.Indeterminate;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Table.Name}: {Table.Chains.Count} chains, {Orphans.Count} orphans, {UnreachableRules.Count} unreachable rules, {Cycles.Count} cycles, {MissingTargets.Count} missing targets";

    /// <summary>A chain of this table that existed when the graph was built.</summary>
    private bool Owns(Chain chain) => ReferenceEquals(chain.Table, Table) && chain.Index < calleesOfChain.Length;

    /// <summary>
    /// Every jump and goto, by chain. A chain's calls are its jump and goto rules in rule order, each with its
    /// callee looked up once: the verdict analysis and the unreachable-rule scan walk them beside the rules.
    /// </summary>
    /// <remarks>
    /// Two passes, so that every chain's calls and callers are exact arrays: a kube-proxy nat table has tens of
    /// thousands of chains, and growing a list for each (then reading them through an interface) made this the
    /// slowest step of the graph.
    /// </remarks>
    private static (ChainCall[][] Callees, ChainCall[][] Callers, Dictionary<string, List<ChainCall>> CallersOfMissing) CollectCalls(Table table)
    {
        var chains = table.Chains;
        var calleeCount = new int[chains.Count];
        var callerCount = new int[chains.Count];
        var calls = new List<ChainCall>();
        for (var c = 0; c < chains.Count; c++)
        {
            var rules = chains[c].Rules;
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (rule.Target.Kind is not (TargetKind.Jump or TargetKind.Goto))
                    continue;
                var callee = table.FindChain(rule.Target.Name);
                calls.Add(new ChainCall(rule, callee));
                calleeCount[c]++;
                if (callee is not null)
                    callerCount[callee.Index]++;
            }
        }
        var callees = new ChainCall[chains.Count][];
        var callers = new ChainCall[chains.Count][];
        for (var c = 0; c < chains.Count; c++)
        {
            callees[c] = calleeCount[c] == 0 ? [] : new ChainCall[calleeCount[c]];
            callers[c] = callerCount[c] == 0 ? [] : new ChainCall[callerCount[c]];
        }
        // The calls are in table order, so each chain's callees and each callee's callers fill in that order.
        Array.Clear(calleeCount);
        Array.Clear(callerCount);
        var callersOfMissing = new Dictionary<string, List<ChainCall>>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var caller = call.Caller.Index;
            callees[caller][calleeCount[caller]++] = call;
            if (call.Callee is { } callee)
            {
                callers[callee.Index][callerCount[callee.Index]++] = call;
            }
            else
            {
                if (!callersOfMissing.TryGetValue(call.CalleeName, out var list))
                    callersOfMissing.Add(call.CalleeName, list = new List<ChainCall>(1));
                list.Add(call);
            }
        }
        return (callees, callers, callersOfMissing);
    }

    private static List<UnreachableRule> FindUnreachableRules(Table table, ChainCall[][] callees, TriState[] verdicts)
    {
        var result = new List<UnreachableRule>();
        foreach (var chain in table.Chains)
        {
            // The chain's calls are its jump and goto rules in rule order, each with its resolved callee.
            var calls = callees[chain.Index];
            var call = 0;
            Rule? cutOff = null;
            var rules = chain.Rules;
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                Chain? callee = null;
                if (rule.Target.Kind is TargetKind.Jump or TargetKind.Goto)
                {
                    Debug.Assert(ReferenceEquals(calls[call].Rule, rule), "a chain's calls are its jump and goto rules in rule order");
                    callee = calls[call++].Callee;
                }
                if (StopsEveryPacket(rule, callee, verdicts))
                {
                    cutOff = rule;
                    break;
                }
            }
            if (cutOff is null)
                continue;
            for (var i = cutOff.Position; i < chain.Rules.Count; i++)
                result.Add(new UnreachableRule(chain.Rules[i], cutOff));
        }
        return result;
    }

    /// <summary>True when no packet gets past the rule: it matches everything and its target never continues.</summary>
    private static bool StopsEveryPacket(Rule rule, Chain? callee, TriState[] verdicts)
    {
        if (!RuleConditions.IsUnconditional(rule))
            return false;
        return TargetFlows.Of(rule.Target) switch
        {
            TargetFlow.Terminates or TargetFlow.Returns or TargetFlow.GoesTo => true,
            TargetFlow.Jumps => callee is not null && verdicts[callee.Index] == TriState.Yes,
            _ => false,
        };
    }

    private static bool[] FindReachable(Table table, ChainCall[][] callees, Dictionary<Rule, UnreachableRule> unreachable)
    {
        var seen = new bool[table.Chains.Count];
        var queue = new Queue<Chain>();
        foreach (var chain in table.Chains)
        {
            if (chain.IsBuiltIn)
            {
                seen[chain.Index] = true;
                queue.Enqueue(chain);
            }
        }
        while (queue.TryDequeue(out var chain))
        {
            foreach (var call in callees[chain.Index])
            {
                if (call.Callee is { } next && !seen[next.Index] && !unreachable.ContainsKey(call.Rule))
                {
                    seen[next.Index] = true;
                    queue.Enqueue(next);
                }
            }
        }
        return seen;
    }
}
