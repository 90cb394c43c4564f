namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m physdev</c>: the bridge ports of a bridged packet (with <c>br_netfilter</c>). A criterion the rule does not use is null.</summary>
public sealed class PhysdevMatch : Match
{
    internal PhysdevMatch(IReadOnlyList<ExtensionOption> options)
        : base("physdev", options, isKnown: true)
    {
    }

    /// <summary>The bridge port the packet came in on (<c>--physdev-in</c>; a trailing <c>+</c> is a prefix).</summary>
    public Negatable<string>? InPort => Text("--physdev-in");

    /// <summary>The bridge port the packet goes out of (<c>--physdev-out</c>).</summary>
    public Negatable<string>? OutPort => Text("--physdev-out");

    /// <summary><c>--physdev-is-in</c>: the packet came in on a bridge port.</summary>
    public Negatable<bool>? IsIn => Flag("--physdev-is-in");

    /// <summary><c>--physdev-is-out</c>: the packet goes out of a bridge port.</summary>
    public Negatable<bool>? IsOut => Flag("--physdev-is-out");

    /// <summary><c>--physdev-is-bridged</c>: the packet is being bridged, not routed.</summary>
    public Negatable<bool>? IsBridged => Flag("--physdev-is-bridged");

    private Negatable<string>? Text(string option) => Option(option) is { Value: { } v } o ? new(v, o.IsNegated) : null;

    private Negatable<bool>? Flag(string option) => Option(option) is { } o ? new(true, o.IsNegated) : null;
}
