using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m conntrack</c>: tests what connection tracking knows of the packet's connection (its state,
/// status, direction and the addresses and ports of its original and reply tuples). A property is null
/// when the rule does not test it.
/// </summary>
public sealed class ConntrackMatch : Match
{
    internal ConntrackMatch(IReadOnlyList<ExtensionOption> options)
        : base("conntrack", options, isKnown: true)
    {
    }

    /// <summary>The states the connection must be in (<c>--ctstate</c>); any one of them matches.</summary>
    public Negatable<ConnectionStates>? States =>
        Option("--ctstate") is { } o ? new(ConntrackNames.ReadStates(o.Value), o.IsNegated) : null;

    /// <summary>The status bits the connection must have (<c>--ctstatus</c>).</summary>
    public Negatable<ConnectionStatus>? Status =>
        Option("--ctstatus") is { } o ? new(ConntrackNames.ReadStatus(o.Value), o.IsNegated) : null;

    /// <summary>The direction of the packet in its connection (<c>--ctdir</c>).</summary>
    public ConntrackDirection? Direction => Option("--ctdir")?.Value switch
    {
        "ORIGINAL" => ConntrackDirection.Original,
        "REPLY" => ConntrackDirection.Reply,
        _ => null,
    };

    /// <summary>The layer-4 protocol number of the connection (<c>--ctproto</c>, saved as a number: 6 for tcp).</summary>
    public Negatable<int>? Protocol =>
        Option("--ctproto") is { } o && int.TryParse(o.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? new(number, o.IsNegated) : null;

    /// <summary>The source of the original direction (<c>--ctorigsrc</c>); <see cref="AddressSpec.Network"/> is its <see cref="System.Net.IPNetwork"/>.</summary>
    public Negatable<AddressSpec>? OriginalSource => Address("--ctorigsrc");

    /// <summary>The destination of the original direction (<c>--ctorigdst</c>): the address before DNAT.</summary>
    public Negatable<AddressSpec>? OriginalDestination => Address("--ctorigdst");

    /// <summary>The source of the reply direction (<c>--ctreplsrc</c>): the address after DNAT.</summary>
    public Negatable<AddressSpec>? ReplySource => Address("--ctreplsrc");

    /// <summary>The destination of the reply direction (<c>--ctrepldst</c>): the address after SNAT.</summary>
    public Negatable<AddressSpec>? ReplyDestination => Address("--ctrepldst");

    /// <summary>The source ports of the original direction (<c>--ctorigsrcport</c>).</summary>
    public Negatable<PortRange>? OriginalSourcePorts => Ports("--ctorigsrcport");

    /// <summary>The destination ports of the original direction (<c>--ctorigdstport</c>).</summary>
    public Negatable<PortRange>? OriginalDestinationPorts => Ports("--ctorigdstport");

    /// <summary>The source ports of the reply direction (<c>--ctreplsrcport</c>).</summary>
    public Negatable<PortRange>? ReplySourcePorts => Ports("--ctreplsrcport");

    /// <summary>The destination ports of the reply direction (<c>--ctrepldstport</c>).</summary>
    public Negatable<PortRange>? ReplyDestinationPorts => Ports("--ctrepldstport");

    /// <summary>The remaining lifetime of the connection in seconds, as an inclusive range (<c>--ctexpire</c>).</summary>
    public Negatable<(long First, long Last)>? ExpireSeconds =>
        Option("--ctexpire") is { } o && UnsignedRange.TryRead(o.Value) is { } range ? new(((long)range.First, (long)range.Last), o.IsNegated) : null;

    private Negatable<AddressSpec>? Address(string name) =>
        Option(name) is { } o && o.Value is { } text && AddressSpec.TryParse(text) is { } spec ? new(spec, o.IsNegated) : null;

    private Negatable<PortRange>? Ports(string name) =>
        Option(name) is { } o && PortRange.TryParse(o.Value ?? string.Empty) is { } range ? new(range, o.IsNegated) : null;
}
