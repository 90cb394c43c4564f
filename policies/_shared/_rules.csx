// Helpers shared by the built-in policies: reading what a rule matches without parsing option text.
// No descriptors here: a helper is #load-ed by several policies.

/// <summary>The text of the rule's first comment match, or null.</summary>
static string? CommentOf(Rule rule) => rule.Match<CommentMatch>()?.Text;

/// <summary>The one destination port the rule matches (tcp/udp/sctp --dport, or a multiport --dports of one port), not negated; else null.</summary>
static int? SingleDestinationPort(Rule rule)
{
    foreach (var match in rule.Matches)
    {
        if (match is PortMatch { DestinationPorts: { IsNegated: false, Value: var range } } && range.First == range.Last)
            return range.First;
        if (match is MultiportMatch { DestinationPorts: { IsNegated: false, Value: [var only] } } && only.First == only.Last)
            return only.First;
    }
    return null;
}

/// <summary>The destination ports the rule restricts itself to, as ranges; null when it does not restrict them (or negates them).</summary>
static IReadOnlyList<PortRange>? DestinationPortRanges(Rule rule)
{
    foreach (var match in rule.Matches)
    {
        if (match is PortMatch { DestinationPorts: { } ports })
            return ports.IsNegated ? null : [ports.Value];
        if (match is MultiportMatch { DestinationPorts: { } many })
            return many.IsNegated ? null : many.Value;
        if (match is MultiportMatch { EitherPorts: { } either })
            return either.IsNegated ? null : either.Value;
    }
    return null;
}

/// <summary>An address field as people read it: <c>10.0.0.1</c> for a host, <c>10.0.0.0/8</c>, <c>!10.0.0.0/8</c>, a host name; "any address" when absent.</summary>
static string DescribeAddress(Negatable<AddressSpec>? field)
{
    if (field is not { } value)
        return "any address";
    var spec = value.Value;
    string text;
    if (spec.Address is { } address && spec.PrefixLength is { } length
        && length == (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
        text = spec.HostName ?? address.ToString();
    else
        text = spec.HostName ?? spec.ToString();
    return value.IsNegated ? "!" + text : text;
}

/// <summary>The rule's protocol as written (<c>tcp</c>), or null when it matches any.</summary>
static string? ProtocolOf(Rule rule) => rule.Protocol is { IsNegated: false, Value: var p } && p != "all" ? p : null;

/// <summary>
/// Whether the rule matches every packet: true when it has no protocol, address, interface, fragment or match
/// condition (a comment is not one); false when it has one; null when only fields the input could not show
/// (interfaces in a listing without -v) are in the way.
/// </summary>
static bool? MatchesEveryPacket(Rule rule)
{
    if (rule.Fragment != FragmentFilter.Any)
        return false;
    if (rule.Protocol is { } protocol && (protocol.IsNegated || protocol.Value != "all"))
        return false;
    if (rule.Source is { } source && (source.IsNegated || !source.Value.IsAny))
        return false;
    if (rule.Destination is { } destination && (destination.IsNegated || !destination.Value.IsAny))
        return false;
    if (rule.InInterface is { } inInterface && (inInterface.IsNegated || inInterface.Value != "+"))
        return false;
    if (rule.OutInterface is { } outInterface && (outInterface.IsNegated || outInterface.Value != "+"))
        return false;
    if (rule.Matches.Any(m => m is not CommentMatch))
        return false;
    return rule.Unknown.All(field => field == "counters") ? true : null;
}
