using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Sdk;

/// <summary>
/// Where a finding is: a rule, a chain, a table or a whole snapshot. A rule, chain, table or snapshot
/// converts to a location implicitly, so <c>Report(descriptor, rule)</c> just works. <see cref="Span"/> is
/// the exact place in the snapshot file that output points at.
/// </summary>
public sealed class PolicyLocation
{
    private PolicyLocation(Snapshot? snapshot, Table? table, Chain? chain, Rule? rule, SourceSpan span)
    {
        Snapshot = snapshot;
        Table = table;
        Chain = chain;
        Rule = rule;
        Span = span;
    }

    /// <summary>The snapshot, when the location was made from one (a rule, chain or table location leaves it null
    /// and the tool fills in the snapshot it was reported on).</summary>
    public Snapshot? Snapshot { get; }

    /// <summary>The table; null for a snapshot location.</summary>
    public Table? Table { get; }

    /// <summary>The chain; null for a table or snapshot location.</summary>
    public Chain? Chain { get; }

    /// <summary>The rule; null unless this is a rule location.</summary>
    public Rule? Rule { get; }

    /// <summary>The place in the snapshot file: a rule's line and columns; the line declaring a chain
    /// (<c>:NAME</c>, <c>-N</c>, <c>Chain NAME</c>); a table's <c>*name</c> line; else the snapshot's first line.</summary>
    public SourceSpan Span { get; }

    /// <summary>What kind of element this is: <c>rule</c>, <c>chain</c>, <c>table</c> or <c>snapshot</c>.</summary>
    public string Kind => Rule is not null ? "rule" : Chain is not null ? "chain" : Table is not null ? "table" : "snapshot";

    /// <summary>The location of a rule.</summary>
    public static PolicyLocation Of(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new PolicyLocation(null, rule.Table, rule.Chain, rule, rule.Span);
    }

    /// <summary>The location of a chain: the line that declares it; when the input never declares it (a built-in
    /// chain in <c>-S</c> output without <c>-P</c>), its first rule, else its table.</summary>
    public static PolicyLocation Of(Chain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var span = chain.Span ?? (chain.Rules.Count > 0 ? chain.Rules[0].Span : SpanOf(chain.Table));
        return new PolicyLocation(null, chain.Table, chain, null, span);
    }

    /// <summary>The location of a table: its <c>*name</c> line; when the input has no table headers, its first chain.</summary>
    public static PolicyLocation Of(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new PolicyLocation(null, table, null, null, SpanOf(table));
    }

    /// <summary>The location of a whole snapshot: its first line.</summary>
    public static PolicyLocation Of(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new PolicyLocation(snapshot, null, null, null, new SourceSpan(snapshot.Path, snapshot.StartLine, 1, 1));
    }

    /// <summary>Converts a rule to its location.</summary>
    public static implicit operator PolicyLocation(Rule rule) => Of(rule);

    /// <summary>Converts a chain to its location.</summary>
    public static implicit operator PolicyLocation(Chain chain) => Of(chain);

    /// <summary>Converts a table to its location.</summary>
    public static implicit operator PolicyLocation(Table table) => Of(table);

    /// <summary>Converts a snapshot to its location.</summary>
    public static implicit operator PolicyLocation(Snapshot snapshot) => Of(snapshot);

    /// <inheritdoc/>
    public override string ToString() => Rule is not null ? $"{Span} {Rule.Text}" : $"{Span} {Kind} {Chain?.ToString() ?? Table?.Name}".TrimEnd();

    private static SourceSpan SpanOf(Table table)
    {
        if (table.Span is { } span)
            return span;
        foreach (var chain in table.Chains)
        {
            if (chain.Span is { } chainSpan)
                return chainSpan;
            if (chain.Rules.Count > 0)
                return chain.Rules[0].Span;
        }
        return new SourceSpan("", 1, 1, 1);
    }
}
