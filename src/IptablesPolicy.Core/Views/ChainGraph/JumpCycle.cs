using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// Chains that jump or go to one another in a loop. iptables refuses to load such a ruleset
/// (<c>iptables-restore: line N failed</c>, "Too many levels of symbolic links"), so a snapshot that has
/// one was not read from a kernel.
/// </summary>
public sealed class JumpCycle
{
    internal JumpCycle(IReadOnlyList<Chain> chains, IReadOnlyList<ChainCall> calls)
    {
        Chains = chains;
        Calls = calls;
    }

    /// <summary>The chains of the loop (a strongly connected set), in the order the table declares them.</summary>
    public IReadOnlyList<Chain> Chains { get; }

    /// <summary>The rules that form the loop: every call from one of its chains to another (or the same) one, in rule order.</summary>
    public IReadOnlyList<ChainCall> Calls { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Join(" -> ", Chains.Select(c => c.Name));
}
