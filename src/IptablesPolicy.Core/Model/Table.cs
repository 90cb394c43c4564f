namespace IptablesPolicy.Core.Model;

/// <summary>One table of a snapshot (<c>filter</c>, <c>nat</c>, <c>mangle</c>, <c>raw</c>, <c>security</c>) and its chains.</summary>
public sealed class Table
{
    private readonly List<Chain> chains = [];
    private readonly Dictionary<string, Chain> byName = new(StringComparer.Ordinal);

    internal Table(string name, SourceSpan? span)
    {
        Name = name;
        Span = span;
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>Where the table starts (<c>*filter</c>); null when the input has no table headers.</summary>
    public SourceSpan? Span { get; }

    /// <summary>The chains in the order they were declared.</summary>
    public IReadOnlyList<Chain> Chains => chains;

    /// <summary>
    /// True when the input stops inside this table before its <c>COMMIT</c>: a truncated file, a pasted
    /// <c>iptables-save</c> cut short, a table header where its <c>COMMIT</c> should be. Its last chains may then
    /// have lost rules, and a chain it does not show may exist. Only <c>iptables-save</c> output has <c>COMMIT</c>
    /// lines; tables of other formats are never truncated in this sense.
    /// </summary>
    public bool IsTruncated { get; internal set; }

    /// <summary>Every rule of the table, chain by chain.</summary>
    public IEnumerable<Rule> Rules => chains.SelectMany(c => c.Rules);

    /// <summary>The chain of that name, or null.</summary>
    public Chain? FindChain(string name) => byName.GetValueOrDefault(name);

    /// <inheritdoc/>
    public override string ToString() => Name;

    internal Chain GetOrAddChain(string name, SourceSpan? span)
    {
        if (byName.TryGetValue(name, out var chain))
            return chain;
        chain = new Chain(this, chains.Count, name, policy: null, policyCounters: null, span);
        chains.Add(chain);
        byName.Add(name, chain);
        return chain;
    }
}
