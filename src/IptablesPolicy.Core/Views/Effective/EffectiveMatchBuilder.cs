using System.Numerics;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>Reads a rule's fields and typed matches into an <see cref="EffectiveMatch"/>.</summary>
internal sealed class EffectiveMatchBuilder
{
    private readonly List<string> unmodelled = [];
    private ProtocolSet protocol = ProtocolSet.Any;
    private AddressSet source = AddressSet.Any;
    private AddressSet destination = AddressSet.Any;
    private InterfacePattern inInterface = InterfacePattern.Any;
    private InterfacePattern outInterface = InterfacePattern.Any;
    private PortSet sourcePorts = PortSet.Any;
    private PortSet destinationPorts = PortSet.Any;
    private ConnectionStateSet states = ConnectionStateSet.Any;
    private IcmpTypeSet icmpTypes = IcmpTypeSet.Any;
    private bool needsTransportHeader;

    public static EffectiveMatch Build(Rule rule)
    {
        var builder = new EffectiveMatchBuilder();
        builder.ReadFields(rule);
        foreach (var match in rule.Matches)
            builder.ReadMatch(match);
        return builder.Result(rule.Fragment);
    }

    private void ReadFields(Rule rule)
    {
        // A field the input could not show (a listing without -v has no interfaces) is unknown, not "any".
        var unknown = rule.Unknown.Count == 0 ? [] : rule.Unknown.Where(f => f != "counters").Order(StringComparer.Ordinal).ToList();
        foreach (var field in unknown)
            unmodelled.Add(field + " unknown");
        if (rule.Protocol is { } p && !unknown.Contains("protocol"))
        {
            if (ProtocolSet.TryParse(p.Value) is { } set)
                protocol = p.IsNegated ? set.Complement() : set;
            else
                unmodelled.Add((p.IsNegated ? "! -p " : "-p ") + p.Value);
        }
        if (rule.Source is { } s && !unknown.Contains("source"))
            source = Address(s, "-s");
        if (rule.Destination is { } d && !unknown.Contains("destination"))
            destination = Address(d, "-d");
        if (rule.InInterface is { } i && !unknown.Contains("inInterface"))
            inInterface = InterfacePattern.Of(i.Value, i.IsNegated);
        if (rule.OutInterface is { } o && !unknown.Contains("outInterface"))
            outInterface = InterfacePattern.Of(o.Value, o.IsNegated);
    }

    private AddressSet Address(Negatable<AddressSpec> field, string option)
    {
        if (field.Value.IsAny)
            return field.IsNegated ? AddressSet.None : AddressSet.Any;
        if (AddressSet.Of(field.Value) is not { } set)
        {
            unmodelled.Add((field.IsNegated ? "! " : string.Empty) + option + " " + field.Value);
            return AddressSet.Any;
        }
        return field.IsNegated ? set.Complement() : set;
    }

    private void ReadMatch(Match match)
    {
        switch (match)
        {
            case CommentMatch:
                return;
            case PortMatch ports:
                ReadPorts(ports);
                return;
            case MultiportMatch multiport:
                ReadMultiport(multiport);
                return;
            case IcmpMatch icmp:
                ReadIcmp(icmp);
                return;
            case ConntrackMatch conntrack:
                ReadStates(conntrack, "--ctstate");
                return;
            case StateMatch state:
                ReadStates(state, "--state");
                return;
            case IprangeMatch iprange:
                ReadIprange(iprange);
                return;
            default:
                unmodelled.Add(match.ToString());
                return;
        }
    }

    private void ReadPorts(PortMatch match)
    {
        needsTransportHeader = true;
        if (ProtocolSet.TryParse(match.Name) is { } implied)
            protocol = protocol.Intersect(implied);
        var rest = new List<ExtensionOption>();
        foreach (var option in match.Options)
        {
            var range = option.Name is "--sport" or "--dport" ? PortRange.TryParse(option.Value ?? string.Empty) : null;
            if (range is not { } r)
            {
                rest.Add(option);
                continue;
            }
            var set = PortSet.Of(r);
            if (option.IsNegated)
                set = set.Complement();
            if (option.Name == "--sport")
                sourcePorts = sourcePorts.Intersect(set);
            else
                destinationPorts = destinationPorts.Intersect(set);
        }
        AddUnmodelled(match, rest);
    }

    private void ReadMultiport(MultiportMatch match)
    {
        needsTransportHeader = true;
        var rest = new List<ExtensionOption>();
        foreach (var option in match.Options)
        {
            var set = PortList(option.Value);
            // "--ports L" matches when either port is in L: no pair of port sets says that. Its negation,
            // both ports outside L, is one.
            if (set is null || option.Name is not ("--sports" or "--dports" or "--ports") || (option.Name == "--ports" && !option.IsNegated))
            {
                rest.Add(option);
                continue;
            }
            if (option.IsNegated)
                set = set.Complement();
            if (option.Name is "--sports" or "--ports")
                sourcePorts = sourcePorts.Intersect(set);
            if (option.Name is "--dports" or "--ports")
                destinationPorts = destinationPorts.Intersect(set);
        }
        AddUnmodelled(match, rest);
    }

    private static PortSet? PortList(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var ranges = new List<PortRange>();
        foreach (var part in text.Split(','))
        {
            if (PortRange.TryParse(part) is not { } range)
                return null;
            ranges.Add(range);
        }
        return PortSet.Of(ranges);
    }

    private void ReadIcmp(IcmpMatch match)
    {
        needsTransportHeader = true;
        protocol = protocol.Intersect(ProtocolSet.Of(match.IsIcmpV6 ? 58 : 1));
        if (match.Options.Count != 1 || IcmpSet(match) is not { } set)
        {
            unmodelled.Add(match.ToString());
            return;
        }
        icmpTypes = icmpTypes.Intersect(match.IsNegated ? set.Complement() : set);
    }

    private static IcmpTypeSet? IcmpSet(IcmpMatch match)
    {
        if (match.Text == "any")
            return IcmpTypeSet.Any;
        if (match.Type is not int type || type > 255)
            return null;
        var hasCode = match.Text.Contains('/');
        if (hasCode && match.Code is not (>= 0 and <= 255))
            return null;
        return IcmpTypeSet.Of(type, hasCode ? match.Code : null);
    }

    private void ReadStates(Match match, string optionName)
    {
        var rest = new List<ExtensionOption>();
        foreach (var option in match.Options)
        {
            if (option.Name != optionName || ReadStateList(option.Value) is not { } read)
            {
                rest.Add(option);
                continue;
            }
            // SNAT and DNAT are flags a packet has besides its state: a list naming them is not a set of
            // states. Over-approximate: with them, "any of these" may hold in any state; negated, "none of
            // these" still keeps the packet out of the listed base states.
            var natFlags = read & (ConnectionStates.Snat | ConnectionStates.Dnat);
            var set = ConnectionStateSet.Of(read);
            if (option.IsNegated)
                states = states.Intersect(set.Complement());
            else if (natFlags == ConnectionStates.None)
                states = states.Intersect(set);
            if (natFlags != ConnectionStates.None)
                rest.Add(option);
        }
        AddUnmodelled(match, rest);
    }

    private static ConnectionStates? ReadStateList(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var states = ConntrackStates(text);
        // A name the table does not know reads as nothing: refuse rather than drop it.
        return BitOperations.PopCount((uint)states) == text.Split(',').Distinct(StringComparer.Ordinal).Count() ? states : null;
    }

    private static ConnectionStates ConntrackStates(string text) => ConntrackNames.ReadStates(text);

    private void ReadIprange(IprangeMatch match)
    {
        var rest = new List<ExtensionOption>();
        foreach (var option in match.Options)
        {
            var range = option.Name switch
            {
                "--src-range" => match.SourceRange,
                "--dst-range" => match.DestinationRange,
                _ => null,
            };
            if (range is not { } r)
            {
                rest.Add(option);
                continue;
            }
            var set = AddressSet.Range(r.Value.First, r.Value.Last);
            if (r.IsNegated)
                set = set.Complement();
            if (option.Name == "--src-range")
                source = source.Intersect(set);
            else
                destination = destination.Intersect(set);
        }
        AddUnmodelled(match, rest);
    }

    private void AddUnmodelled(Match match, List<ExtensionOption> options)
    {
        if (options.Count > 0)
            unmodelled.Add(Rendering.SaveFormatWriter.RenderMatch(new Match(match.Name, options, match.IsKnown)));
    }

    private EffectiveMatch Result(FragmentFilter fragments)
    {
        return new EffectiveMatch
        {
            Protocol = protocol,
            Source = source.WholeFamilyAsAny(),
            Destination = destination.WholeFamilyAsAny(),
            InInterface = inInterface,
            OutInterface = outInterface,
            SourcePorts = sourcePorts,
            DestinationPorts = destinationPorts,
            States = states,
            IcmpTypes = icmpTypes,
            Fragments = fragments,
            ReadsTransportHeader = needsTransportHeader,
            Unmodelled = unmodelled.Count == 0 ? [] : unmodelled.ToArray(),
        };
    }
}
