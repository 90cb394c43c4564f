namespace IptablesPolicy.Core.Model;

/// <summary>A chain of a table: built-in (with a policy) or user-defined, and its rules in order.</summary>
public sealed class Chain
{
    private readonly List<Rule> rules = [];

    internal Chain(Table table, int index, string name, string? policy, Counters? policyCounters, SourceSpan? span)
    {
        Table = table;
        Index = index;
        Name = name;
        Policy = policy;
        PolicyCounters = policyCounters;
        Span = span;
        IsBuiltIn = BuiltInChains.IsBuiltIn(table.Name, name);
    }

    /// <summary>The table the chain belongs to.</summary>
    public Table Table { get; }

    /// <summary>
    /// The chain's place in <see cref="Model.Table.Chains"/> (0-based): chains are only ever added, so views keep
    /// per-chain facts in arrays instead of hash tables (a kube-proxy nat table has tens of thousands of chains).
    /// </summary>
    internal int Index { get; }

    /// <summary>The chain's name (<c>INPUT</c>, <c>KUBE-SERVICES</c>).</summary>
    public string Name { get; }

    /// <summary>True for the chains netfilter creates with the table (<c>INPUT</c>, <c>PREROUTING</c>...).</summary>
    public bool IsBuiltIn { get; }

    /// <summary>The built-in chain's policy (<c>ACCEPT</c> or <c>DROP</c>); null for a user-defined chain or when unknown.</summary>
    public string? Policy { get; internal set; }

    /// <summary>The counters of the policy (packets that fell off the end of a built-in chain), when the input had them.</summary>
    public Counters? PolicyCounters { get; internal set; }

    /// <summary>Where the chain is declared (<c>:NAME</c>, <c>-N NAME</c>); null when only its rules were seen.</summary>
    public SourceSpan? Span { get; internal set; }

    /// <summary>The chain's rules, in order.</summary>
    public IReadOnlyList<Rule> Rules => rules;

    /// <inheritdoc/>
    public override string ToString() => $"{Table.Name}/{Name}";

    internal void Insert(int index, Rule rule)
    {
        rules.Insert(Math.Clamp(index, 0, rules.Count), rule);
        for (var i = index; i < rules.Count; i++)
            rules[i].Position = i + 1;
    }

    internal void Add(Rule rule)
    {
        rules.Add(rule);
        rule.Position = rules.Count;
    }
}
