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
    private static readonly ViewCache<Table, TableMatches> Cache = new(t => new TableMatches(t));

    private readonly Table table;
    private readonly int[] offsets;
    private readonly EffectiveMatch?[] matches;

    private TableMatches(Table table)
    {
        this.table = table;
        // By chain index: where the chain's rules start in the slots.
        offsets = new int[table.Chains.Count];
        var offset = 0;
        foreach (var chain in table.Chains)
        {
            offsets[chain.Index] = offset;
            offset += chain.Rules.Count;
        }
        matches = new EffectiveMatch?[offset];
    }

    public static TableMatches For(Table table) => Cache.For(table);

    public EffectiveMatch Of(Rule rule)
    {
        var chain = rule.Chain;
        if (!ReferenceEquals(chain.Table, table) || chain.Index >= offsets.Length || rule.Position < 1 || rule.Position > chain.Rules.Count
            || !ReferenceEquals(chain.Rules[rule.Position - 1], rule) || offsets[chain.Index] + rule.Position > matches.Length)
        {
            return EffectiveMatchBuilder.Build(rule);
        }
        ref var slot = ref matches[offsets[chain.Index] + rule.Position - 1];
        // Two threads may both read the rule; the matches are equal and immutable, so either may win.
        return Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, EffectiveMatchBuilder.Build(rule), null) ?? slot!;
    }
}
