namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m addrtype</c>: the routing type of the packet's source and destination address (<c>LOCAL</c>,
/// <c>UNICAST</c>, <c>BROADCAST</c>...), as the kernel's routing table classifies them. kube-proxy's
/// <c>--dst-type LOCAL</c> selects NodePort traffic.
/// </summary>
public sealed class AddrtypeMatch : Match
{
    internal AddrtypeMatch(IReadOnlyList<ExtensionOption> options)
        : base("addrtype", options, isKnown: true)
    {
    }

    /// <summary>The source address types, upper case in the kernel's order; null when the rule does not test them.</summary>
    public Negatable<IReadOnlyList<string>>? SourceTypes => Types("--src-type");

    /// <summary>The destination address types, upper case in the kernel's order; null when the rule does not test them.</summary>
    public Negatable<IReadOnlyList<string>>? DestinationTypes => Types("--dst-type");

    /// <summary><c>--limit-iface-in</c>: types are looked up for the input interface only.</summary>
    public bool LimitsToInputInterface => Option("--limit-iface-in") is not null;

    /// <summary><c>--limit-iface-out</c>: types are looked up for the output interface only.</summary>
    public bool LimitsToOutputInterface => Option("--limit-iface-out") is not null;

    private Negatable<IReadOnlyList<string>>? Types(string option) =>
        Option(option) is { Value: { } value } o ? new(value.Split(','), o.IsNegated) : null;
}
