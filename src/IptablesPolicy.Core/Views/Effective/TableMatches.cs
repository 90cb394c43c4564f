using System.Runtime.CompilerServices;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// The effective matches of one table's rules, each read on first use and then kept for as long as the
/// table lives: a policy that compares every pair of a chain's rules asks for each rule's match many times.
/// One slot per rule, found by the chain's offset and the rule's position, so a lookup costs no hashing of
/// the rule and 100k rules cost no per-rule bookkeeping.
/// </summary>
internal sealed class TableMatches
{
    private static readonly ConditionalWeakTable<Table, TableMatches> Cache = [];

    private readonly Dictionary<Chain, int> offsets = [];
    private readonly EffectiveMatch?[] matches;

    private TableMatches(Table table)
    {
        var offset = 0;
        foreach (var chain in table.Chains)
        {
            offsets[chain] = offset;
            offset += chain.Rules.Count;
        }
        matches = new EffectiveMatch?[offset];
    }

    public static TableMatches For(Table table) => Cache.GetValue(table, t => new TableMatches(t));

    public EffectiveMatch Of(Rule rule)
    {
        if (!offsets.TryGetValue(rule.Chain, out var offset) || rule.Position < 1 || rule.Position > rule.Chain.Rules.Count
            || !ReferenceEquals(rule.Chain.Rules[rule.Position - 1], rule))
        {
            return EffectiveMatchBuilder.Build(rule);
        }
        ref var slot = ref matches[offset + rule.Position - 1];
        // Two threads may both read the rule; the matches are equal and immutable, so either may win.
        return Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, EffectiveMatchBuilder.Build(rule), null) ?? slot!;
    }
}
