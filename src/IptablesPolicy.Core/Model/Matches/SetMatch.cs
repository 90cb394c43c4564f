namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m set --match-set NAME FLAGS</c>: the packet's fields (source or destination address, port...)
/// looked up in an ipset. The set's members live in the kernel, not in the snapshot.
/// </summary>
public sealed class SetMatch : Match
{
    internal SetMatch(IReadOnlyList<ExtensionOption> options)
        : base("set", options, isKnown: true)
    {
    }

    /// <summary>The ipset's name.</summary>
    public string SetName => Option("--match-set") is { Values.Count: 2 } o ? o.Values[0] : string.Empty;

    /// <summary>For each dimension of the set, whether the packet's <c>src</c> or <c>dst</c> field is looked up.</summary>
    public IReadOnlyList<string> Directions => Option("--match-set") is { Values.Count: 2 } o ? o.Values[1].Split(',') : [];

    /// <summary>True when the rule matches packets that are <em>not</em> in the set.</summary>
    public bool IsNegated => Option("--match-set")?.IsNegated ?? false;

    /// <summary><c>--return-nomatch</c>: entries marked nomatch in the set make the match succeed.</summary>
    public bool ReturnsNomatch => Option("--return-nomatch") is not null;
}
