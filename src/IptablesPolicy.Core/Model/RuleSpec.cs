namespace IptablesPolicy.Core.Model;

/// <summary>The parsed content of a rule before it is placed in a chain.</summary>
internal readonly record struct RuleSpec
{
    public Counters? Counters { get; init; }

    public Negatable<string>? Protocol { get; init; }

    public Negatable<AddressSpec>? Source { get; init; }

    public Negatable<AddressSpec>? Destination { get; init; }

    public Negatable<string>? InInterface { get; init; }

    public Negatable<string>? OutInterface { get; init; }

    public FragmentFilter Fragment { get; init; }

    public IReadOnlyList<Match> Matches { get; init; }

    public Target Target { get; init; }

    public IReadOnlySet<string>? Unknown { get; init; }

    internal static readonly IReadOnlySet<string> EmptyUnknown = new HashSet<string>();
}
