using System.Net;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// The source or destination addresses a rule matches, after <c>-s</c>/<c>-d</c> (with any mask, prefix or
/// not), <c>-m iprange</c> and their negations. IPv4 and IPv6 addresses are kept apart: an IPv4 network
/// holds no IPv6 address, and <c>! -s 10.0.0.0/8</c> takes 10.0.0.0/8 away from the IPv4 addresses only.
/// Immutable; compares by value.
/// </summary>
public sealed class AddressSet : IEquatable<AddressSet>
{
    private readonly IntervalSet ipv4;
    private readonly IntervalSet ipv6;

    private AddressSet(IntervalSet ipv4, IntervalSet ipv6)
    {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /// <summary>Every address of both families: what a rule without <c>-s</c> or <c>-d</c> matches.</summary>
    public static AddressSet Any { get; } = new(IntervalSet.Full(AddressNumbers.MaxIPv4), IntervalSet.Full(AddressNumbers.MaxIPv6));

    /// <summary>No address at all.</summary>
    public static AddressSet None { get; } = new(IntervalSet.Empty(AddressNumbers.MaxIPv4), IntervalSet.Empty(AddressNumbers.MaxIPv6));

    /// <summary>The addresses of one network (<c>AddressSet.Of(IPNetwork.Parse("10.0.0.0/8"))</c>).</summary>
    public static AddressSet Of(IPNetwork network) => Of(AddressSpec.FromPrefix(network.BaseAddress, network.PrefixLength))!;

    /// <summary>The addresses from <paramref name="first"/> to <paramref name="last"/>, both included; empty when they differ in family or are out of order.</summary>
    public static AddressSet Range(IPAddress first, IPAddress last)
    {
        if (AddressNumbers.IsIPv4(first) != AddressNumbers.IsIPv4(last))
            return None;
        return OneFamily(AddressNumbers.IsIPv4(first), [(AddressNumbers.ToNumber(first), AddressNumbers.ToNumber(last))]);
    }

    /// <summary>
    /// The addresses an <see cref="AddressSpec"/> matches (<c>x &amp; mask == address</c>, so
    /// <c>10.0.12.0/255.0.255.0</c> works too). Null when the spec holds only a host name, or its mask is
    /// scattered over more than 16 inner zero bits.
    /// </summary>
    public static AddressSet? Of(AddressSpec spec)
    {
        if (spec.Address is not { } address || AddressNumbers.MaskIntervals(spec) is not { } intervals)
            return null;
        return OneFamily(AddressNumbers.IsIPv4(address), intervals);
    }

    /// <summary>The ranges of the set, IPv4 first, each family in increasing order, disjoint and never adjacent.</summary>
    public IReadOnlyList<AddressRange> Ranges => field ??= [.. RangesOf(ipv4, ipv4: true), .. RangesOf(ipv6, ipv4: false)];

    /// <summary>True when every address of both families is in the set: the rule does not restrict this address.</summary>
    public bool IsAny => ipv4.IsFull && ipv6.IsFull;

    /// <summary>True when no address is in the set: the rule matches no packet.</summary>
    public bool IsEmpty => ipv4.IsEmpty && ipv6.IsEmpty;

    /// <summary>True when the address is in the set.</summary>
    public bool Contains(IPAddress address) =>
        (AddressNumbers.IsIPv4(address) ? ipv4 : ipv6).Contains(AddressNumbers.ToNumber(address));

    /// <summary>True when every address of the network is in the set.</summary>
    public bool Contains(IPNetwork network) => Of(network).IsSubsetOf(this);

    /// <summary>True when every address of this set is also in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(AddressSet other) => ipv4.IsSubsetOf(other.ipv4) && ipv6.IsSubsetOf(other.ipv6);

    /// <summary>The addresses in both sets.</summary>
    public AddressSet Intersect(AddressSet other) => new(ipv4.Intersect(other.ipv4), ipv6.Intersect(other.ipv6));

    /// <summary>The addresses not in this set, in both families.</summary>
    public AddressSet Complement() => new(ipv4.Complement(), ipv6.Complement());

    /// <summary>
    /// Any, when the set is one whole family and nothing of the other: a ruleset holds packets of one
    /// family only, so <c>-s 0.0.0.0/0</c> restricts nothing and must compare equal to no <c>-s</c>.
    /// </summary>
    internal AddressSet WholeFamilyAsAny() =>
        (ipv4.IsFull && ipv6.IsEmpty) || (ipv4.IsEmpty && ipv6.IsFull) ? Any : this;

    /// <summary>
    /// The set as the fewest CIDR networks that cover it exactly, IPv4 first, in increasing order
    /// (10.0.0.0-10.0.0.2 is 10.0.0.0/31 and 10.0.0.2/32).
    /// </summary>
    public IReadOnlyList<IPNetwork> ToNetworks() => [.. NetworksOf(ipv4, ipv4: true), .. NetworksOf(ipv6, ipv4: false)];

    /// <inheritdoc/>
    public bool Equals(AddressSet? other) => other is not null && ipv4.Equals(other.ipv4) && ipv6.Equals(other.ipv6);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AddressSet);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ipv4, ipv6);

    /// <summary>
    /// Renders the set as networks and ranges: <c>10.0.0.0/8</c>, <c>10.0.0.1-10.0.0.5</c>,
    /// <c>! 10.0.0.0/8</c> when the complement is simpler, <c>any</c> or <c>none</c>.
    /// </summary>
    public override string ToString()
    {
        if (IsAny)
            return "any";
        if (IsEmpty)
            return "none";
        var complement = Complement();
        return complement.PieceCount() < PieceCount() ? "! " + complement.RenderPieces() : RenderPieces();
    }

    private static AddressSet OneFamily(bool ipv4, IEnumerable<(UInt128 First, UInt128 Last)> intervals) => ipv4
        ? new AddressSet(IntervalSet.Of(AddressNumbers.MaxIPv4, intervals), IntervalSet.Empty(AddressNumbers.MaxIPv6))
        : new AddressSet(IntervalSet.Empty(AddressNumbers.MaxIPv4), IntervalSet.Of(AddressNumbers.MaxIPv6, intervals));

    private int PieceCount() => Pieces(ipv4, true).Count() + Pieces(ipv6, false).Count();

    private string RenderPieces() => string.Join(",", Pieces(ipv4, true).Concat(Pieces(ipv6, false)));

    // A family that is whole prints as its /0; an interval that is one network as CIDR, else as a range.
    private static IEnumerable<string> Pieces(IntervalSet family, bool ipv4)
    {
        foreach (var (first, last) in family.Intervals.ToArray())
        {
            var networks = Networks(first, last, ipv4).ToList();
            yield return networks.Count == 1
                ? networks[0].ToString()
                : new AddressRange(AddressNumbers.ToAddress(first, ipv4), AddressNumbers.ToAddress(last, ipv4)).ToString();
        }
    }

    private static IEnumerable<AddressRange> RangesOf(IntervalSet family, bool ipv4)
    {
        foreach (var (first, last) in family.Intervals.ToArray())
            yield return new AddressRange(AddressNumbers.ToAddress(first, ipv4), AddressNumbers.ToAddress(last, ipv4));
    }

    private static IEnumerable<IPNetwork> NetworksOf(IntervalSet family, bool ipv4)
    {
        foreach (var (first, last) in family.Intervals.ToArray())
        {
            foreach (var network in Networks(first, last, ipv4))
                yield return network;
        }
    }

    // The largest aligned block that starts at `first` and stays within `last`, repeatedly.
    private static IEnumerable<IPNetwork> Networks(UInt128 first, UInt128 last, bool ipv4)
    {
        var bits = ipv4 ? 32 : 128;
        while (true)
        {
            var size = first == 0 ? bits : Math.Min(bits, (int)UInt128.TrailingZeroCount(first));
            while (size > 0 && (size == 128 ? UInt128.MaxValue : (UInt128.One << size) - 1) > last - first)
                size--;
            yield return new IPNetwork(AddressNumbers.ToAddress(first, ipv4), bits - size);
            var blockEnd = first + (size == 128 ? UInt128.MaxValue : (UInt128.One << size) - 1);
            if (blockEnd >= last)
                yield break;
            first = blockEnd + 1;
        }
    }
}
