namespace IptablesPolicy.Core.Model.Targets;

/// <summary><c>-j REDIRECT</c>: destination NAT to the local machine (the primary address of the incoming interface).</summary>
public sealed class RedirectTarget : Target
{
    internal RedirectTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "REDIRECT", options, isKnown: true)
    {
    }

    /// <summary>The local ports the packets go to (<c>--to-ports</c>), or null when the port is kept.</summary>
    public PortRange? ToPorts => Option("--to-ports")?.Value is { } text ? NatRange.TryParseCanonical(text, portsOnly: true)?.Ports : null;

    /// <summary><c>--random</c>: the port is chosen at random within <see cref="ToPorts"/>.</summary>
    public bool Random => Option("--random") is not null;
}
