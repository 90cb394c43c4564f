namespace IptablesPolicy.Core.Model.Targets;

/// <summary><c>-j MASQUERADE</c>: source NAT to the address of the outgoing interface.</summary>
public sealed class MasqueradeTarget : Target
{
    internal MasqueradeTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "MASQUERADE", options, isKnown: true)
    {
    }

    /// <summary>The source ports used (<c>--to-ports</c>), or null when the packet's port is kept where possible.</summary>
    public PortRange? ToPorts => Option("--to-ports")?.Value is { } text ? NatRange.TryParseCanonical(text, portsOnly: true)?.Ports : null;

    /// <summary><c>--random</c>: the port is chosen at random (hash-based).</summary>
    public bool Random => Option("--random") is not null;

    /// <summary><c>--random-fully</c>: the port is chosen fully at random.</summary>
    public bool RandomFully => Option("--random-fully") is not null;
}
