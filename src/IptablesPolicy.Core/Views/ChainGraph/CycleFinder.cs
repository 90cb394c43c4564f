using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// Finds jump loops: the strongly connected sets of chains (Tarjan's algorithm), and chains that call
/// themselves. Chains are numbered in declaration order and the bookkeeping kept in arrays, as a large
/// kube-proxy table has tens of thousands of chains.
/// </summary>
internal sealed class CycleFinder
{
    private readonly IReadOnlyList<Chain> chains;
    private readonly Dictionary<Chain, int> number;
    private readonly int[][] edges;
    private readonly int[] index;
    private readonly int[] lowLink;
    private readonly bool[] onStack;
    private readonly Stack<int> stack = new();
    private readonly List<int[]> components = [];
    private int visited;

    private CycleFinder(Table table, IReadOnlyDictionary<Chain, IReadOnlyList<ChainCall>> callees)
    {
        chains = table.Chains;
        number = new Dictionary<Chain, int>(chains.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < chains.Count; i++)
            number.Add(chains[i], i);
        edges = new int[chains.Count][];
        for (var i = 0; i < chains.Count; i++)
        {
            var calls = callees[chains[i]];
            var targets = new List<int>(calls.Count);
            foreach (var call in calls)
            {
                if (call.Callee is { } callee)
                    targets.Add(number[callee]);
            }
            edges[i] = [.. targets];
        }
        index = new int[chains.Count];
        Array.Fill(index, -1);
        lowLink = new int[chains.Count];
        onStack = new bool[chains.Count];
    }

    public static IReadOnlyList<JumpCycle> Find(Table table, IReadOnlyDictionary<Chain, IReadOnlyList<ChainCall>> callees)
    {
        var finder = new CycleFinder(table, callees);
        for (var i = 0; i < finder.chains.Count; i++)
        {
            if (finder.index[i] < 0)
                finder.Visit(i);
        }
        var cycles = new List<JumpCycle>();
        foreach (var component in finder.components)
        {
            // Nearly every chain is a set of its own; only a self-jump makes that a loop.
            if (component.Length == 1 && Array.IndexOf(finder.edges[component[0]], component[0]) < 0)
                continue;
            Array.Sort(component);
            var members = component.Select(i => finder.chains[i]).ToList();
            var calls = component
                .SelectMany(i => callees[finder.chains[i]])
                .Where(c => c.Callee is { } callee && Array.BinarySearch(component, finder.number[callee]) >= 0)
                .ToList();
            cycles.Add(new JumpCycle(members, calls));
        }
        cycles.Sort((a, b) => finder.number[a.Chains[0]].CompareTo(finder.number[b.Chains[0]]));
        return cycles;
    }

    private void Visit(int chain)
    {
        index[chain] = lowLink[chain] = visited++;
        stack.Push(chain);
        onStack[chain] = true;
        foreach (var next in edges[chain])
        {
            if (index[next] < 0)
            {
                Visit(next);
                lowLink[chain] = Math.Min(lowLink[chain], lowLink[next]);
            }
            else if (onStack[next])
            {
                lowLink[chain] = Math.Min(lowLink[chain], index[next]);
            }
        }
        if (lowLink[chain] != index[chain])
            return;
        var component = new List<int>();
        int member;
        do
        {
            member = stack.Pop();
            onStack[member] = false;
            component.Add(member);
        }
        while (member != chain);
        components.Add([.. component]);
    }
}
