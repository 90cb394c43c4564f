using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// The chains of a table grouped into strongly connected sets (Tarjan's algorithm), listed callees first:
/// every set comes after the sets it jumps to, so a chain can be judged once its callees are. A set of
/// more than one chain, or a chain that calls itself, is a jump loop.
/// </summary>
/// <remarks>
/// The walk keeps its own stack rather than recursing: a snapshot file may nest chains deeper than the
/// thread's stack, and a stack overflow cannot be caught. Chains are numbered in declaration order and
/// the bookkeeping kept in arrays, as a large kube-proxy table has tens of thousands of chains.
/// </remarks>
internal sealed class CallOrder
{
    private readonly int[][] edges;

    private CallOrder(IReadOnlyList<Chain> chains, ChainCall[][] callees)
    {
        Chains = chains;
        edges = new int[chains.Count][];
        for (var i = 0; i < chains.Count; i++)
        {
            var calls = callees[i];
            var count = 0;
            for (var c = 0; c < calls.Length; c++)
            {
                if (calls[c].Callee is not null)
                    count++;
            }
            var targets = count == 0 ? [] : new int[count];
            count = 0;
            for (var c = 0; c < calls.Length; c++)
            {
                if (calls[c].Callee is { } callee)
                    targets[count++] = callee.Index;
            }
            edges[i] = targets;
        }
        Components = FindComponents();
    }

    /// <summary>The table's chains; a chain's number is its index here (<see cref="Chain.Index"/>).</summary>
    public IReadOnlyList<Chain> Chains { get; }

    /// <summary>The strongly connected sets of chain numbers, each sorted, callees first.</summary>
    public IReadOnlyList<int[]> Components { get; }

    /// <summary>Orders <paramref name="chains"/> given each one's calls (by chain number).</summary>
    public static CallOrder Of(IReadOnlyList<Chain> chains, ChainCall[][] callees) => new(chains, callees);

    /// <summary>True when the set is a jump loop: several chains, or one that calls itself.</summary>
    public bool IsLoop(int[] component) => component.Length > 1 || Array.IndexOf(edges[component[0]], component[0]) >= 0;

    private List<int[]> FindComponents()
    {
        var count = Chains.Count;
        var index = new int[count];
        Array.Fill(index, -1);
        var lowLink = new int[count];
        var onStack = new bool[count];
        var stack = new Stack<int>();
        var work = new Stack<(int Chain, int NextEdge)>();
        var components = new List<int[]>();
        var visited = 0;
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
                continue;
            Start(root);
            while (work.TryPop(out var frame))
            {
                var (chain, nextEdge) = frame;
                if (nextEdge < edges[chain].Length)
                {
                    work.Push((chain, nextEdge + 1));
                    var next = edges[chain][nextEdge];
                    if (index[next] < 0)
                        Start(next);
                    else if (onStack[next])
                        lowLink[chain] = Math.Min(lowLink[chain], index[next]);
                    continue;
                }
                if (lowLink[chain] == index[chain])
                    components.Add(PopComponent(chain));
                if (work.TryPeek(out var parent))
                    lowLink[parent.Chain] = Math.Min(lowLink[parent.Chain], lowLink[chain]);
            }
        }
        return components;

        void Start(int chain)
        {
            index[chain] = lowLink[chain] = visited++;
            stack.Push(chain);
            onStack[chain] = true;
            work.Push((chain, 0));
        }

        int[] PopComponent(int chain)
        {
            // Most chains are a set of their own.
            if (stack.Peek() == chain)
            {
                onStack[stack.Pop()] = false;
                return [chain];
            }
            var component = new List<int>();
            int member;
            do
            {
                member = stack.Pop();
                onStack[member] = false;
                component.Add(member);
            }
            while (member != chain);
            var sorted = component.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
    }
}
