using System.Text;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// What packets a rule matches, read from its common fields and typed matches so a policy never parses
/// option text: protocol, addresses, interfaces, ports, connection states, ICMP types and fragments, each
/// as a set. Get one with <c>rule.Effective()</c>.
/// </summary>
/// <remarks>
/// A packet matches when it is in every set (the sets are independent dimensions). The sets never leave a
/// packet out that the rule matches: a restriction they cannot express (<c>-m mark</c>, <c>-m recent</c>,
/// TCP flags, a field the input could not show) is left out of them and named in <see cref="Unmodelled"/>,
/// so the sets then describe more packets than the rule matches. With <see cref="Unmodelled"/> empty they
/// describe exactly the rule's packets, as the kernel's xtables matches take them (iptables-legacy; for
/// iptables-nft and fragments see <see cref="ReadsTransportHeader"/>). Checked against both backends in a
/// network namespace with crafted IPv4 and IPv6 packets.
/// </remarks>
public sealed record EffectiveMatch
{
    /// <summary>The match of a rule with no condition: every packet.</summary>
    public static EffectiveMatch Any { get; } = new();

    /// <summary>The IP protocols (<c>-p</c>, narrowed by a <c>tcp</c>, <c>udp</c>, <c>icmp</c>... match).</summary>
    public ProtocolSet Protocol { get; init; } = ProtocolSet.Any;

    /// <summary>The source addresses (<c>-s</c>, <c>--src-range</c>).</summary>
    public AddressSet Source { get; init; } = AddressSet.Any;

    /// <summary>The destination addresses (<c>-d</c>, <c>--dst-range</c>).</summary>
    public AddressSet Destination { get; init; } = AddressSet.Any;

    /// <summary>The input interface (<c>-i</c>).</summary>
    public InterfacePattern InInterface { get; init; } = InterfacePattern.Any;

    /// <summary>The output interface (<c>-o</c>).</summary>
    public InterfacePattern OutInterface { get; init; } = InterfacePattern.Any;

    /// <summary>The source ports (<c>--sport</c>, <c>--sports</c>, <c>! --ports</c>).</summary>
    public PortSet SourcePorts { get; init; } = PortSet.Any;

    /// <summary>The destination ports (<c>--dport</c>, <c>--dports</c>, <c>! --ports</c>).</summary>
    public PortSet DestinationPorts { get; init; } = PortSet.Any;

    /// <summary>The connection states (<c>--ctstate</c>, <c>--state</c>).</summary>
    public ConnectionStateSet States { get; init; } = ConnectionStateSet.Any;

    /// <summary>The ICMP or ICMPv6 messages (<c>--icmp-type</c>, <c>--icmpv6-type</c>).</summary>
    public IcmpTypeSet IcmpTypes { get; init; } = IcmpTypeSet.Any;

    /// <summary>What the rule's <c>-f</c> flag says about IPv4 fragments, as written.</summary>
    public FragmentFilter Fragments { get; init; } = FragmentFilter.Any;

    /// <summary>
    /// True when the rule has a port or ICMP match (<c>tcp</c>, <c>udp</c>, <c>sctp</c>, <c>dccp</c>,
    /// <c>multiport</c>, <c>icmp</c>, <c>icmp6</c>). The kernel's xtables matches, which iptables-legacy
    /// uses, then refuse every non-first fragment, since it carries no transport header; iptables-nft
    /// translates the tcp, udp and icmp matches into nftables payload comparisons that read the same bytes
    /// of any fragment (seen in a network namespace). <see cref="Covers"/> never answers on that difference.
    /// </summary>
    public bool ReadsTransportHeader { get; init; }

    /// <summary>
    /// The restrictions of the rule the sets do not hold, in rule order: a match as iptables-save prints it
    /// (<c>-m mark --mark 0x4000/0x4000</c>), the part of a match not modelled (<c>-m tcp --tcp-flags
    /// FIN,SYN,RST,ACK SYN</c>), or a field the input could not show (<c>inInterface unknown</c>).
    /// </summary>
    public IReadOnlyList<string> Unmodelled { get; init; } = [];

    /// <summary>True when the sets describe exactly the rule's packets: nothing is <see cref="Unmodelled"/>.</summary>
    public bool IsFullyModelled => Unmodelled.Count == 0;

    /// <summary>True when the rule certainly matches every packet: no set restricts and nothing is unmodelled.</summary>
    public bool IsAny => IsFullyModelled && Protocol.IsAny && Source.IsAny && Destination.IsAny && InInterface.IsAny
        && OutInterface.IsAny && SourcePorts.IsAny && DestinationPorts.IsAny && States.IsAny && IcmpTypes.IsAny
        && Fragments == FragmentFilter.Any && !ReadsTransportHeader;

    /// <summary>True when the rule certainly matches no packet: one of its sets is empty.</summary>
    public bool IsEmpty => Protocol.IsEmpty || Source.IsEmpty || Destination.IsEmpty || InInterface.IsEmpty
        || OutInterface.IsEmpty || SourcePorts.IsEmpty || DestinationPorts.IsEmpty || States.IsEmpty || IcmpTypes.IsEmpty;

    /// <summary>
    /// Whether this match takes in every packet <paramref name="later"/> matches, as an earlier rule that
    /// shadows or makes redundant a later one (IPT2004).
    /// </summary>
    /// <returns>
    /// <see cref="TriState.Yes"/> when provably so: every set of <paramref name="later"/> is inside this
    /// one's and this match is fully modelled (what <paramref name="later"/> leaves unmodelled only makes it
    /// smaller), or <paramref name="later"/> matches nothing. <see cref="TriState.No"/> when provably not:
    /// some set of <paramref name="later"/> holds a value this one lacks and <paramref name="later"/> is fully
    /// modelled, so a packet of <paramref name="later"/> exists that this match refuses (this match's own
    /// unmodelled restrictions only make it smaller still). <see cref="TriState.Indeterminate"/> otherwise,
    /// including when only non-first fragments tell the two apart and the answer depends on the backend
    /// (see <see cref="ReadsTransportHeader"/>).
    /// </returns>
    public TriState Covers(EffectiveMatch later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (later.IsEmpty)
            return TriState.Yes;
        if (!SetsHold(later))
        {
            // Then a packet of the later rule lies outside this one's sets, whichever the backend, unless
            // the later rule is -f with a transport match: nothing under legacy, some fragments under nft.
            return later.IsFullyModelled && !later.IsLegacyEmpty ? TriState.No : TriState.Indeterminate;
        }
        var asWritten = FragmentsHold(later.Fragments, Fragments);
        var asLegacy = later.IsLegacyEmpty || FragmentsHold(later.LegacyFragments, LegacyFragments);
        if (asWritten && asLegacy)
            return IsFullyModelled ? TriState.Yes : TriState.Indeterminate;
        if (!asWritten && !asLegacy)
            return later.IsFullyModelled ? TriState.No : TriState.Indeterminate;
        return TriState.Indeterminate; // only non-first fragments tell, and the backend decides them
    }

    /// <summary>
    /// Whether some packet matches both this and <paramref name="other"/> (the FIREMAN / Al-Shaer
    /// "correlated" rules, when neither covers the other).
    /// </summary>
    /// <returns>
    /// <see cref="TriState.No"/> when provably not: two of their sets share nothing, or one takes only
    /// non-first fragments and the other none. <see cref="TriState.Yes"/> when every pair of sets shares a
    /// value, both are fully modelled and the fragments they take meet whichever the backend.
    /// <see cref="TriState.Indeterminate"/> otherwise.
    /// </returns>
    public TriState Overlaps(EffectiveMatch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SetsMeet(other) || !FragmentsMeet(Fragments, other.Fragments))
            return TriState.No;
        if (!IsFullyModelled || !other.IsFullyModelled)
            return TriState.Indeterminate;
        // Neither -f: an unfragmented packet is in both. With -f, only a rule without a transport match
        // takes non-first fragments under every backend.
        var plain = Fragments != FragmentFilter.NonFirstFragmentsOnly && other.Fragments != FragmentFilter.NonFirstFragmentsOnly;
        return plain || (!ReadsTransportHeader && !other.ReadsTransportHeader) ? TriState.Yes : TriState.Indeterminate;
    }

    /// <inheritdoc/>
    public bool Equals(EffectiveMatch? other) =>
        other is not null && Protocol.Equals(other.Protocol) && Source.Equals(other.Source) && Destination.Equals(other.Destination)
        && InInterface.Equals(other.InInterface) && OutInterface.Equals(other.OutInterface) && SourcePorts.Equals(other.SourcePorts)
        && DestinationPorts.Equals(other.DestinationPorts) && States.Equals(other.States) && IcmpTypes.Equals(other.IcmpTypes)
        && Fragments == other.Fragments && ReadsTransportHeader == other.ReadsTransportHeader && Unmodelled.SequenceEqual(other.Unmodelled);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Protocol, Source, Destination, SourcePorts, DestinationPorts, States, IcmpTypes, Unmodelled.Count);

    /// <summary>
    /// The restricted sets and the unmodelled restrictions, <c>any</c> when there are none:
    /// <c>proto=tcp dst=10.0.0.0/8 dport=22 state=NEW unmodelled=[-m mark --mark 0x1]</c>; <c>fragments=non-first</c>
    /// or <c>fragments=unfragmented-or-first</c> for <c>-f</c> and <c>! -f</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Add(text, "proto", Protocol.IsAny, Protocol);
        Add(text, "src", Source.IsAny, Source);
        Add(text, "dst", Destination.IsAny, Destination);
        Add(text, "in", InInterface.IsAny, InInterface);
        Add(text, "out", OutInterface.IsAny, OutInterface);
        Add(text, "sport", SourcePorts.IsAny, SourcePorts);
        Add(text, "dport", DestinationPorts.IsAny, DestinationPorts);
        Add(text, "state", States.IsAny, States);
        Add(text, "icmp", IcmpTypes.IsAny, IcmpTypes);
        Add(text, "fragments", Fragments == FragmentFilter.Any, Fragments switch
        {
            FragmentFilter.NonFirstFragmentsOnly => "non-first",
            _ => "unfragmented-or-first",
        });
        if (!IsFullyModelled)
            Add(text, "unmodelled", false, "[" + string.Join("; ", Unmodelled) + "]");
        return text.Length == 0 ? "any" : text.ToString();
    }

    // The sets that tell rules of one chain apart most often come first.
    private bool SetsHold(EffectiveMatch later) =>
        later.Destination.IsSubsetOf(Destination) && later.DestinationPorts.IsSubsetOf(DestinationPorts)
        && later.Protocol.IsSubsetOf(Protocol) && later.Source.IsSubsetOf(Source)
        && later.InInterface.IsSubsetOf(InInterface) && later.OutInterface.IsSubsetOf(OutInterface)
        && later.SourcePorts.IsSubsetOf(SourcePorts) && later.States.IsSubsetOf(States) && later.IcmpTypes.IsSubsetOf(IcmpTypes);

    private bool SetsMeet(EffectiveMatch other) =>
        !Destination.Intersect(other.Destination).IsEmpty && !DestinationPorts.Intersect(other.DestinationPorts).IsEmpty
        && !Protocol.Intersect(other.Protocol).IsEmpty && !Source.Intersect(other.Source).IsEmpty
        && InInterface.Overlaps(other.InInterface) && OutInterface.Overlaps(other.OutInterface)
        && !SourcePorts.Intersect(other.SourcePorts).IsEmpty && !States.Intersect(other.States).IsEmpty
        && !IcmpTypes.Intersect(other.IcmpTypes).IsEmpty;

    private static bool FragmentsMeet(FragmentFilter one, FragmentFilter other) =>
        one == FragmentFilter.Any || other == FragmentFilter.Any || one == other;

    // The fragments the rule matches as iptables-legacy runs it: a transport match refuses non-first ones.
    private FragmentFilter LegacyFragments => ReadsTransportHeader && Fragments == FragmentFilter.Any ? FragmentFilter.ExceptNonFirstFragments : Fragments;

    // -f with a transport match: nothing under legacy, non-first fragments whose bytes fit under nft.
    private bool IsLegacyEmpty => ReadsTransportHeader && Fragments == FragmentFilter.NonFirstFragmentsOnly;

    private static bool FragmentsHold(FragmentFilter later, FragmentFilter earlier) => earlier == FragmentFilter.Any || earlier == later;

    private static void Add(StringBuilder text, string name, bool isAny, object value)
    {
        if (isAny)
            return;
        if (text.Length > 0)
            text.Append(' ');
        text.Append(name).Append('=').Append(value);
    }
}
