using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;
using IptablesPolicy.Core.Views.ChainGraph;
using IptablesPolicy.Core.Views.Effective;
using IptablesPolicy.TestData.KubeProxy;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Views.Effective;

/// <summary>
/// Every rule of the example rulesets, the user's notes and generated kube-proxy rulesets: its effective
/// match is computed, agrees with the typed matches it was read from, and says what it leaves out.
/// </summary>
[TestFixture]
public sealed class RealRulesetEffectiveTests
{
    private static IEnumerable<TestCaseData> Files()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "rulesets")).Order(StringComparer.Ordinal))
            yield return new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path));
        if (Directory.Exists(RepositoryPaths.Seeds))
        {
            foreach (var path in Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
                yield return new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path));
        }
    }

    private static readonly KubeProxyRulesetOptions Generated =
        new() { Services = 200, EndpointsPerService = 2, NodePortPercent = 40, WithoutEndpointsPercent = 10, UdpPercent = 25, Seed = 11 };

    private static IEnumerable<Rule> RulesOf(string path) => SnapshotReader.ReadFile(path).SelectMany(s => s.Rules);

    private static Snapshot GeneratedSnapshot() => SnapshotReader.Parse(KubeProxyRuleset.Generate(Generated));

    [TestCaseSource(nameof(Files))]
    public void Every_rule_agrees_with_its_typed_matches(string path)
    {
        var rules = RulesOf(path).ToList();
        rules.ShouldNotBeEmpty();
        foreach (var rule in rules)
            AgreesWithTypedMatches(rule);
    }

    [Test]
    public void Every_generated_kube_proxy_rule_agrees_with_its_typed_matches()
    {
        foreach (var rule in GeneratedSnapshot().Rules)
            AgreesWithTypedMatches(rule);
    }

    [TestCaseSource(nameof(Files))]
    public void Matches_every_packet_exactly_when_the_chain_graph_calls_the_rule_unconditional(string path)
    {
        foreach (var rule in RulesOf(path))
            rule.Effective().IsAny.ShouldBe(RuleConditions.IsUnconditional(rule), rule.Text);
    }

    [TestCaseSource(nameof(Files))]
    public void Each_rule_covers_itself_unless_something_is_unmodelled(string path)
    {
        foreach (var rule in RulesOf(path))
        {
            var match = rule.Effective();
            match.Covers(match).ShouldBe(match.IsFullyModelled ? TriState.Yes : TriState.Indeterminate, rule.Text);
        }
    }

    [Test]
    public void Generated_service_portals_match_the_cluster_ip_protocol_and_port_exactly()
    {
        var ruleset = KubeProxyRuleset.Create(Generated);
        var nat = GeneratedSnapshot().FindTable("nat")!;
        var portals = nat.FindChain("KUBE-SERVICES")!.Rules.Where(r => r.Jumps("KUBE-SVC-*")).ToDictionary(r => r.Target.Name);
        var nodePorts = nat.FindChain("KUBE-NODEPORTS")!.Rules.Where(r => r.Jumps("KUBE-EXT-*")).ToDictionary(r => r.Target.Name);
        foreach (var service in ruleset.Services.Where(s => s.Endpoints.Count > 0))
        {
            var portal = portals[service.ServiceChain].Effective();
            portal.IsFullyModelled.ShouldBeTrue();
            portal.Destination.ShouldBe(AddressSet.Of(new IPNetwork(service.ClusterIp, 32)));
            portal.Protocol.ShouldBe(ProtocolSet.TryParse(service.Protocol));
            portal.DestinationPorts.ShouldBe(PortSet.Of(service.Port));
            portal.Source.IsAny.ShouldBeTrue();
            if (service.NodePort is int nodePort)
            {
                var external = nodePorts[service.ExternalChain].Effective();
                external.DestinationPorts.ShouldBe(PortSet.Of(nodePort));
                external.Destination.IsAny.ShouldBeTrue();
            }
        }
    }

    [Test]
    public void No_generated_service_portal_covers_a_later_one()
    {
        // Every portal names its own cluster IP and port: none can hide another.
        var rules = GeneratedSnapshot().FindTable("nat")!.FindChain("KUBE-SERVICES")!.Rules.Where(r => r.Jumps("KUBE-SVC-*")).Select(r => r.Effective()).ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            for (var j = i + 1; j < rules.Count; j++)
                rules[i].Covers(rules[j]).ShouldBe(TriState.No);
        }
    }

    [Test]
    public void Each_rule_is_read_once_and_shared_across_threads()
    {
        var rules = GeneratedSnapshot().Rules.ToList();
        var first = new EffectiveMatch[rules.Count];
        Parallel.For(0, rules.Count, i => first[i] = rules[i].Effective());
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Effective().ShouldBeSameAs(first[i]);
            first[i].ShouldBe(EffectiveMatchBuilder.Build(rules[i]));
        }
    }

    [Test]
    public void Aks_node_effective_matches_read_as_expected()
    {
        var snapshot = SnapshotReader.ReadFile(Path.Combine(RepositoryPaths.Examples, "rulesets", "aks-node.v4")).Single();
        var forward = snapshot.FindTable("filter")!.FindChain("KUBE-FORWARD")!.Rules.Select(r => r.Effective().ToString()).ToList();
        forward.ShouldContain("state=INVALID");
        forward.ShouldContain("state=RELATED,ESTABLISHED");
    }

    private static void AgreesWithTypedMatches(Rule rule)
    {
        var match = Should.NotThrow(rule.Effective, rule.Text);
        var context = rule.Text;
        foreach (var ports in rule.Matches.OfType<PortMatch>())
        {
            match.Protocol.IsSubsetOf(ProtocolSet.TryParse(ports.Name)!).ShouldBeTrue(context);
            Agrees(match.SourcePorts, ports.SourcePorts, context);
            Agrees(match.DestinationPorts, ports.DestinationPorts, context);
        }
        foreach (var multiport in rule.Matches.OfType<MultiportMatch>())
        {
            AgreesWithList(match.SourcePorts, multiport.SourcePorts, context);
            AgreesWithList(match.DestinationPorts, multiport.DestinationPorts, context);
        }
        Agrees(match.Source, rule.Source, rule.Unknown.Contains("source"), context);
        Agrees(match.Destination, rule.Destination, rule.Unknown.Contains("destination"), context);
        foreach (var iprange in rule.Matches.OfType<IprangeMatch>())
        {
            Agrees(match.Source, iprange.SourceRange, context);
            Agrees(match.Destination, iprange.DestinationRange, context);
        }
        foreach (var state in rule.Matches.OfType<StateMatch>())
            Agrees(match.States, state.States, context);
        foreach (var conntrack in rule.Matches.OfType<ConntrackMatch>())
        {
            if (conntrack.States is { } states && (states.Value & (ConnectionStates.Snat | ConnectionStates.Dnat)) == 0)
                Agrees(match.States, states, context);
        }
        foreach (var icmp in rule.Matches.OfType<IcmpMatch>())
        {
            if (icmp.Type is int type)
                match.IcmpTypes.Contains(type, icmp.Code ?? 0).ShouldBe(!icmp.IsNegated, context);
        }
        // Whatever the model does not read is named, never silently dropped.
        foreach (var other in rule.Matches.Where(m => m is not (CommentMatch or PortMatch or MultiportMatch or IcmpMatch or ConntrackMatch or StateMatch or IprangeMatch)))
            match.Unmodelled.ShouldContain(other.ToString(), context);
        foreach (var field in rule.Unknown.Where(f => f != "counters"))
            match.Unmodelled.ShouldContain(field + " unknown", context);
        match.ToString().ShouldNotBeNullOrWhiteSpace();
    }

    // Each port test narrows the set: every port it refuses is out of the effective set.
    private static void Agrees(PortSet effective, Negatable<PortRange>? typed, string context)
    {
        if (typed is not { } ports)
            return;
        var set = PortSet.Of(ports.Value);
        effective.IsSubsetOf(ports.IsNegated ? set.Complement() : set).ShouldBeTrue(context);
    }

    private static void AgreesWithList(PortSet effective, Negatable<IReadOnlyList<PortRange>>? typed, string context)
    {
        if (typed is not { } ports)
            return;
        var set = PortSet.Of(ports.Value);
        effective.IsSubsetOf(ports.IsNegated ? set.Complement() : set).ShouldBeTrue(context);
    }

    private static void Agrees(AddressSet effective, Negatable<AddressSpec>? typed, bool unknown, string context)
    {
        if (typed is not { Value.Network: { } network } address || unknown)
            return;
        if (address.Value.IsAny)
            return;
        var set = AddressSet.Of(network);
        effective.IsSubsetOf(address.IsNegated ? set.Complement() : set).ShouldBeTrue(context);
        if (!address.IsNegated)
            (effective.Contains(network.BaseAddress) || effective.IsEmpty || Narrowed(context)).ShouldBeTrue(context);
    }

    private static void Agrees(AddressSet effective, Negatable<(IPAddress First, IPAddress Last)>? typed, string context)
    {
        if (typed is not { } range)
            return;
        var set = AddressSet.Range(range.Value.First, range.Value.Last);
        effective.IsSubsetOf(range.IsNegated ? set.Complement() : set).ShouldBeTrue(context);
    }

    private static void Agrees(ConnectionStateSet effective, Negatable<ConnectionStates> typed, string context)
    {
        var set = ConnectionStateSet.Of(typed.Value);
        effective.IsSubsetOf(typed.IsNegated ? set.Complement() : set).ShouldBeTrue(context);
    }

    // An iprange on the same side may take the network's first address away.
    private static bool Narrowed(string ruleText) => ruleText.Contains("-range", StringComparison.Ordinal);
}
