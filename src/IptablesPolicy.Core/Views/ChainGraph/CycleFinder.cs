using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>Finds jump loops: the strongly connected sets of chains (Tarjan's algorithm), and chains that call themselves.</summary>
internal sealed class CycleFinder
{
    private readonly IReadOnlyDictionary<Chain, IReadOnlyList<ChainCall>> callees;
    private readonly Dictionary<Chain, int> index = [];
    private readonly Dictionary<Chain, int> lowLink = [];
    private readonly Stack<Chain> stack = new();
    private readonly HashSet<Chain> onStack = [];
    private readonly List<List<Chain>> components = [];

    private CycleFinder(IReadOnlyDictionary<Chain, IReadOnlyList<ChainCall>> callees) => this.callees = callees;

    public static IReadOnlyList<JumpCycle> Find(Table table, IReadOnlyDictionary<Chain, IReadOnlyList<ChainCall>> callees)
    {
        var finder = new CycleFinder(callees);
        foreach (var chain in table.Chains)
        {
            if (!finder.index.ContainsKey(chain))
                finder.Visit(chain);
        }
        var order = table.Chains.Select((chain, i) => (chain, i)).ToDictionary(p => p.chain, p => p.i);
        var cycles = new List<JumpCycle>();
        foreach (var component in finder.components)
        {
            var members = component.ToHashSet();
            var calls = component.SelectMany(c => callees[c]).Where(c => c.Callee is { } callee && members.Contains(callee)).ToList();
            if (calls.Count == 0)
                continue;
            var chains = component.OrderBy(c => order[c]).ToList();
            calls.Sort((a, b) => (order[a.Caller], a.Rule.Position).CompareTo((order[b.Caller], b.Rule.Position)));
            cycles.Add(new JumpCycle(chains, calls));
        }
        cycles.Sort((a, b) => order[a.Chains[0]].CompareTo(order[b.Chains[0]]));
        return cycles;
    }

    private void Visit(Chain chain)
    {
        index[chain] = lowLink[chain] = index.Count;
        stack.Push(chain);
        onStack.Add(chain);
        foreach (var call in callees[chain])
        {
            if (call.Callee is not { } next)
                continue;
            if (!index.ContainsKey(next))
            {
                Visit(next);
                lowLink[chain] = Math.Min(lowLink[chain], lowLink[next]);
            }
            else if (onStack.Contains(next))
            {
                lowLink[chain] = Math.Min(lowLink[chain], index[next]);
            }
        }
        if (lowLink[chain] != index[chain])
            return;
        var component = new List<Chain>();
        Chain member;
        do
        {
            member = stack.Pop();
            onStack.Remove(member);
            component.Add(member);
        }
        while (member != chain);
        components.Add(component);
    }
}
