using System.Globalization;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary>
/// <c>-j CT</c> (raw table): sets up the connection tracking of a packet before it is tracked: no tracking
/// at all, a conntrack zone, a helper, a timeout policy, the events reported.
/// </summary>
public sealed class CtTarget : Target
{
    internal CtTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "CT", options, isKnown: true)
    {
    }

    /// <summary><c>--notrack</c>: the packet and its connection are not tracked.</summary>
    public bool NoTrack => Option("--notrack") is not null;

    /// <summary>The conntrack helper assigned (<c>--helper ftp</c>), or null.</summary>
    public string? Helper => Option("--helper")?.Value;

    /// <summary>The timeout policy assigned (<c>--timeout NAME</c>, made with <c>nfct</c>), or null.</summary>
    public string? Timeout => Option("--timeout")?.Value;

    /// <summary>The connection events reported (<c>--ctevents</c>), in the kernel's order; empty for the default.</summary>
    public IReadOnlyList<string> ConntrackEvents => List("--ctevents");

    /// <summary>The expectation events reported (<c>--expevents</c>); empty for the default.</summary>
    public IReadOnlyList<string> ExpectationEvents => List("--expevents");

    /// <summary>The conntrack zone (<c>--zone</c>); null for zone 0 or a zone taken from the packet mark.</summary>
    public int? Zone => ZoneOption?.Value is { } text && text != "mark" ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>True when the zone is taken from the packet mark (<c>--zone mark</c>).</summary>
    public bool ZoneFromMark => ZoneOption?.Value == "mark";

    /// <summary>
    /// The direction the zone applies to: <c>orig</c> (<c>--zone-orig</c>), <c>reply</c> (<c>--zone-reply</c>),
    /// or null for both.
    /// </summary>
    public string? ZoneDirection => ZoneOption?.Name switch
    {
        "--zone-orig" => "orig",
        "--zone-reply" => "reply",
        _ => null,
    };

    private ExtensionOption? ZoneOption => Option("--zone") ?? Option("--zone-orig") ?? Option("--zone-reply");

    private IReadOnlyList<string> List(string name) => Option(name)?.Value?.Split(',') ?? [];
}
