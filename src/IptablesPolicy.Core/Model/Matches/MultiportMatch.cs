namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m multiport</c>: a list of up to 15 ports and port ranges, tested against the source port
/// (<c>--sports</c>), the destination port (<c>--dports</c>) or either (<c>--ports</c>). A rule has exactly
/// one of the three; the others are null. A negated list matches packets whose port is in none of the ranges.
/// </summary>
public sealed class MultiportMatch : Match
{
    internal MultiportMatch(IReadOnlyList<ExtensionOption> options)
        : base("multiport", options, isKnown: true)
    {
    }

    /// <summary>The source ports (<c>--sports</c>), or null.</summary>
    public Negatable<IReadOnlyList<PortRange>>? SourcePorts => Ports("--sports");

    /// <summary>The destination ports (<c>--dports</c>), or null.</summary>
    public Negatable<IReadOnlyList<PortRange>>? DestinationPorts => Ports("--dports");

    /// <summary>The ports either the source or the destination port must be in (<c>--ports</c>), or null.</summary>
    public Negatable<IReadOnlyList<PortRange>>? EitherPorts => Ports("--ports");

    /// <summary>True when the list is negated (<c>! --dports</c>).</summary>
    public bool IsNegated => Options.Count > 0 && Options[0].IsNegated;

    private Negatable<IReadOnlyList<PortRange>>? Ports(string name)
    {
        if (Option(name) is not { } option)
            return null;
        var ranges = new List<PortRange>();
        foreach (var part in (option.Value ?? string.Empty).Split(','))
        {
            if (PortRange.TryParse(part) is { } range)
                ranges.Add(range);
        }
        return new Negatable<IReadOnlyList<PortRange>>(ranges, option.IsNegated);
    }
}
