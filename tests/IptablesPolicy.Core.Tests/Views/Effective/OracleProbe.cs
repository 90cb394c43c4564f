using System.Globalization;
using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Views.Effective;

namespace IptablesPolicy.Core.Tests.Views.Effective;

/// <summary>Which part of a fragmented packet a probe is.</summary>
internal enum FragmentKind
{
    None,
    First,
    NonFirst,
}

/// <summary>
/// One crafted IPv4 or IPv6 packet for the kernel oracle: protocol, addresses, ports or ICMP type and
/// code, and (IPv4) fragment. The interface it leaves by follows from the routes <see cref="PacketOracle"/> sets.
/// </summary>
internal sealed record OracleProbe(int Protocol, string Source, string Destination, int SourcePort = 0, int DestinationPort = 0,
    int IcmpType = 0, int IcmpCode = 0, FragmentKind Fragment = FragmentKind.None)
{
    private bool IsIcmp => Protocol is 1 or 58;

    public string OutInterface => PacketOracle.OutInterfaceFor(IPAddress.Parse(Destination));

    public IEnumerable<string> Arguments() =>
    [
        Protocol.ToString(CultureInfo.InvariantCulture), Source, Destination, SourcePort.ToString(CultureInfo.InvariantCulture),
        DestinationPort.ToString(CultureInfo.InvariantCulture), IcmpType.ToString(CultureInfo.InvariantCulture),
        IcmpCode.ToString(CultureInfo.InvariantCulture), Fragment switch { FragmentKind.First => "first", FragmentKind.NonFirst => "nonfirst", _ => "none" },
    ];

    /// <summary>Whether the packet is in every set of the match: the test's reading of the model, as iptables-legacy runs it.</summary>
    public bool MatchedBy(EffectiveMatch match)
    {
        var nonFirst = Fragment == FragmentKind.NonFirst;
        // A port or ICMP match refuses non-first fragments, which carry no transport header.
        var fragments = nonFirst
            ? match.Fragments != FragmentFilter.ExceptNonFirstFragments && !match.ReadsTransportHeader
            : match.Fragments != FragmentFilter.NonFirstFragmentsOnly;
        var ports = nonFirst || Protocol is not (6 or 17) || (match.SourcePorts.Contains(SourcePort) && match.DestinationPorts.Contains(DestinationPort));
        var icmp = nonFirst || !IsIcmp || match.IcmpTypes.Contains(IcmpType, IcmpCode);
        return match.Protocol.Contains(Protocol) && match.Source.Contains(IPAddress.Parse(Source))
            && match.Destination.Contains(IPAddress.Parse(Destination)) && match.OutInterface.Contains(OutInterface)
            && fragments && ports && icmp;
    }

    public override string ToString() => Protocol switch
    {
        1 or 58 => $"icmp {Source}->{Destination} {IcmpType}/{IcmpCode} {Fragment}",
        6 or 17 => $"{(Protocol == 6 ? "tcp" : "udp")} {Source}:{SourcePort}->{Destination}:{DestinationPort} {Fragment}",
        _ => $"proto {Protocol} {Source}->{Destination} {Fragment}",
    };
}
