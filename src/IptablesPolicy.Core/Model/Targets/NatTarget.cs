using System.Net;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary>
/// <c>-j DNAT --to-destination</c> or <c>-j SNAT --to-source</c>: rewrites the destination or source
/// address and port of a new connection (<c>--to-destination 10.244.0.13:80</c> as kube-proxy writes it).
/// </summary>
public sealed class NatTarget : Target
{
    private readonly string rangeOption;

    internal NatTarget(string name, string rangeOption, IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, name, options, isKnown: true)
    {
        this.rangeOption = rangeOption;
    }

    /// <summary>True for DNAT (the destination is rewritten), false for SNAT (the source is).</summary>
    public bool IsDestinationNat => Name == "DNAT";

    /// <summary>The first address of the range the target maps to, or null when it maps ports only.</summary>
    public IPAddress? FirstAddress => Range?.First;

    /// <summary>The last address of the range (the same as <see cref="FirstAddress"/> for one address), or null.</summary>
    public IPAddress? LastAddress => Range?.Last;

    /// <summary>
    /// The address range as a network when it is exactly one (a single address is a /32 or /128 network;
    /// <c>10.0.0.0-10.0.0.255</c> is <c>10.0.0.0/24</c>); null when it is not a network or no address is given.
    /// </summary>
    public IPNetwork? AddressNetwork => Range is { First: { } first, Last: { } last } ? AddressRanges.AsNetwork(first, last) : null;

    /// <summary>The ports the target maps to, or null when it keeps the packet's port.</summary>
    public PortRange? Ports => Range?.Ports;

    /// <summary>The base port of a shifted port map (<c>1000-2000/3000</c>), or null.</summary>
    public int? PortOffset => Range?.PortOffset;

    /// <summary><c>--random</c>: the port is chosen at random (hash-based) within the range.</summary>
    public bool Random => Option("--random") is not null;

    /// <summary><c>--random-fully</c> (SNAT only): the port is chosen fully at random.</summary>
    public bool RandomFully => Option("--random-fully") is not null;

    /// <summary><c>--persistent</c>: a client gets the same mapped address for every connection.</summary>
    public bool Persistent => Option("--persistent") is not null;

    private NatRange? Range => Option(rangeOption)?.Value is { } text ? NatRange.TryParseCanonical(text) : null;
}
