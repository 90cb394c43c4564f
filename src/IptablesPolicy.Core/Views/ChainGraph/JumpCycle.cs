using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// Chains that jump or go to one another in a loop. iptables refuses to load a ruleset where a built-in
/// chain leads into a loop, and loads one whose loop nothing leads to.
/// </summary>
public sealed class JumpCycle
{
    internal JumpCycle(IReadOnlyList<Chain> chains, IReadOnlyList<ChainCall> calls, bool isReachable)
    {
        Chains = chains;
        Calls = calls;
        IsReachable = isReachable;
    }

    /// <summary>The chains of the loop (a strongly connected set), in the order the table declares them.</summary>
    public IReadOnlyList<Chain> Chains { get; }

    /// <summary>The rules that form the loop: every call from one of its chains to another (or the same) one, in rule order.</summary>
    public IReadOnlyList<ChainCall> Calls { get; }

    /// <summary>
    /// True when packets can get into the loop from a built-in chain (see <see cref="TableGraph.IsReachable(Chain)"/>):
    /// then iptables would refuse the ruleset, so it cannot have been read from a kernel. (The legacy kernel
    /// refuses exactly these; nf_tables also refuses a loop that only a shadowed rule leads into.)
    /// </summary>
    public bool IsReachable { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Join(" -> ", Chains.Select(c => c.Name));
}
