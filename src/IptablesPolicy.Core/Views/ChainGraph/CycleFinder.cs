using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>Turns the jump loops of a table's <see cref="CallOrder"/> into <see cref="JumpCycle"/>s, ordered by their first chain.</summary>
internal static class CycleFinder
{
    public static IReadOnlyList<JumpCycle> Find(
        CallOrder order, ChainCall[][] callees, bool[] reachable)
    {
        var cycles = new List<(int First, JumpCycle Cycle)>();
        foreach (var component in order.Components)
        {
            if (!order.IsLoop(component))
                continue;
            var calls = component
                .SelectMany(i => callees[i])
                .Where(c => c.Callee is { } callee && Array.BinarySearch(component, callee.Index) >= 0)
                .ToList();
            cycles.Add((component[0], new JumpCycle(component.Select(i => order.Chains[i]).ToList(), calls, component.Any(i => reachable[i]))));
        }
        return cycles.OrderBy(c => c.First).Select(c => c.Cycle).ToList();
    }
}
