using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Views.Kubernetes;

/// <summary>Collects what the rules say about one service port while the view is built; first statement wins.</summary>
internal sealed class KubeServiceBuilder(string @namespace, string name, string portName)
{
    private readonly Dictionary<string, EndpointBuilder> endpoints = new(StringComparer.Ordinal);
    private int filterClusterIPRules;
    private bool clusterIPFromNat;
    private int jumpCount;

    public string Namespace { get; } = @namespace;
    public string Name { get; } = name;
    public string PortName { get; } = portName;
    public string? Protocol { get; private set; }
    public IPAddress? ClusterIP { get; private set; }
    public int? Port { get; private set; }
    public int? NodePort { get; private set; }
    public int? HealthCheckNodePort { get; private set; }
    public List<IPAddress> ExternalIPs { get; } = [];
    public List<IPAddress> LoadBalancerIPs { get; } = [];
    public string? ServiceChain { get; private set; }
    public string? LocalServiceChain { get; private set; }
    public string? ExternalChain { get; private set; }
    public string? FirewallChain { get; private set; }
    public HashSet<string> Chains { get; } = new(StringComparer.Ordinal);
    public List<Rule> NoEndpointsRules { get; } = [];
    public List<Rule> Rules { get; } = [];

    /// <summary>Takes one rule that belongs to this service port; <paramref name="comment"/> is its parsed comment, if any;
    /// <paramref name="isNat"/> whether it is one of kube-proxy's nat rules.</summary>
    public void Add(Rule rule, ParsedComment? comment, bool isNat)
    {
        Rules.Add(rule);
        Protocol ??= ProtocolOf(rule);
        NoteChain(rule.Chain.Name);
        NoteChain(rule.Target.Name);
        var chain = rule.Chain.Name;
        if (isNat)
            AddNat(rule, comment, chain);
        else if (rule.Table.Name == "filter" && comment?.Kind is KubeProxyCommentKind.NoEndpoints or KubeProxyCommentKind.NoLocalEndpoints)
            AddNoEndpoints(rule, chain);
        else if (rule.Table.Name == "filter" && comment?.Kind == KubeProxyCommentKind.HealthCheckNodePort)
            HealthCheckNodePort ??= DestinationPort(rule);
    }

    private void AddNat(Rule rule, ParsedComment? comment, string chain)
    {
        if (chain == KubeChainNames.Services)
        {
            switch (comment?.Kind)
            {
                case KubeProxyCommentKind.ClusterIP when !clusterIPFromNat:
                    clusterIPFromNat = true;
                    ClusterIP = DestinationHost(rule);
                    Port = DestinationPort(rule);
                    break;
                case KubeProxyCommentKind.ExternalIP:
                    AddDistinct(ExternalIPs, DestinationHost(rule));
                    break;
                case KubeProxyCommentKind.LoadBalancerIP:
                    AddDistinct(LoadBalancerIPs, DestinationHost(rule));
                    break;
            }
        }
        else if (chain == KubeChainNames.NodePorts && comment?.Kind == KubeProxyCommentKind.ServicePort)
        {
            NodePort ??= DestinationPort(rule);
        }
        else if (KubeChainNames.IsBalancing(chain) && KubeChainNames.IsEndpoint(rule.Target.Name))
        {
            var endpoint = Endpoint(rule.Target.Name);
            endpoint.AddJump(rule, ++jumpCount, comment?.Kind == KubeProxyCommentKind.EndpointJump ? comment.Value.Endpoint : null);
        }
        else if (KubeChainNames.IsEndpoint(chain))
        {
            Endpoint(chain).AddOwn(rule);
        }
    }

    private void AddNoEndpoints(Rule rule, string chain)
    {
        NoEndpointsRules.Add(rule);
        if (chain == KubeChainNames.Services && rule.Destination is not null)
        {
            filterClusterIPRules++;
            if (clusterIPFromNat)
                return;
            // One such rule is the cluster IP's; more than one (older kube-proxy also rejected load-balancer
            // IPs here) cannot be told apart, so the cluster IP stays unknown.
            var single = filterClusterIPRules == 1;
            ClusterIP = single ? DestinationHost(rule) : null;
            Port = single ? DestinationPort(rule) : null;
        }
        else if (chain == KubeChainNames.ExternalServices && rule.Destination is null
            && rule.Match<AddrtypeMatch>()?.DestinationTypes is { IsNegated: false, Value: ["LOCAL"] })
        {
            NodePort ??= DestinationPort(rule);
        }
    }

    private void NoteChain(string? chain)
    {
        if (!KubeChainNames.IsPerService(chain) || KubeChainNames.IsEndpoint(chain))
            return;
        Chains.Add(chain!);
        if (chain!.StartsWith(KubeChainNames.ServicePrefix, StringComparison.Ordinal))
            ServiceChain ??= chain;
        else if (chain.StartsWith(KubeChainNames.LocalServicePrefix, StringComparison.Ordinal))
            LocalServiceChain ??= chain;
        else if (chain.StartsWith(KubeChainNames.ExternalPrefix, StringComparison.Ordinal))
            ExternalChain ??= chain;
        else if (chain.StartsWith(KubeChainNames.FirewallPrefix, StringComparison.Ordinal))
            FirewallChain ??= chain;
    }

    private EndpointBuilder Endpoint(string chain)
    {
        if (!endpoints.TryGetValue(chain, out var endpoint))
            endpoints.Add(chain, endpoint = new EndpointBuilder(chain));
        return endpoint;
    }

    public IReadOnlyList<KubeEndpoint> BuildEndpoints()
    {
        var ordered = endpoints.Values.ToArray();
        Array.Sort(ordered, static (x, y) => x.FirstJumpOrder != y.FirstJumpOrder
            ? x.FirstJumpOrder.CompareTo(y.FirstJumpOrder)
            : string.CompareOrdinal(x.Chain, y.Chain));
        return Array.ConvertAll(ordered, e => e.Build()).AsReadOnly();
    }

    private static void AddDistinct(List<IPAddress> list, IPAddress? address)
    {
        if (address is not null && !list.Contains(address))
            list.Add(address);
    }

    private static string? ProtocolOf(Rule rule) => rule.Protocol is { IsNegated: false, Value: var p } ? p : null;

    /// <summary>The destination when it is one host, not negated.</summary>
    internal static IPAddress? DestinationHost(Rule rule) =>
        rule.Destination is { IsNegated: false, Value: { Address: { } address, PrefixLength: { } length } }
            && length == (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128) ? address : null;

    /// <summary>The destination port when the rule matches exactly one, not negated.</summary>
    internal static int? DestinationPort(Rule rule)
    {
        var matches = rule.Matches;
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is PortMatch { DestinationPorts: { IsNegated: false, Value: var range } } && range.First == range.Last)
                return range.First;
        }
        return null;
    }

    /// <summary>One endpoint while it is collected.</summary>
    private sealed class EndpointBuilder(string chain)
    {
        private readonly List<Rule> jumps = [];
        private readonly List<Rule> own = [];
        private string? commentEndpoint;

        public string Chain { get; } = chain;

        public int FirstJumpOrder { get; private set; } = int.MaxValue;

        public void AddJump(Rule rule, int order, string? endpoint)
        {
            if (jumps.Count == 0)
                FirstJumpOrder = order;
            jumps.Add(rule);
            commentEndpoint ??= endpoint;
        }

        public void AddOwn(Rule rule) => own.Add(rule);

        public KubeEndpoint Build()
        {
            IPAddress? address = null;
            int? port = null;
            var dnat = own.Find(r => r.Target is NatTarget { IsDestinationNat: true })?.Target;
            if (dnat?.Option("--to-destination")?.Value is { } destination && NatRange.TryParseCanonical(destination) is { } range)
            {
                // One address and one port is what kube-proxy writes; a range is not one endpoint's address.
                address = range.Last is null || range.Last.Equals(range.First) ? range.First : null;
                port = range.Ports is { } ports && ports.First == ports.Last ? ports.First : null;
            }
            else if (commentEndpoint is not null && IPEndPoint.TryParse(commentEndpoint, out var stated))
            {
                address = stated.Address;
                var hasPort = commentEndpoint.Contains("]:", StringComparison.Ordinal)
                    || (stated.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && commentEndpoint.Contains(':', StringComparison.Ordinal));
                port = hasPort ? stated.Port : null;
            }
            // The cluster-wide KUBE-SVC chain's jump says the probability; a local chain's (KUBE-SVL, KUBE-XLB) only when it is the only one.
            var jump = jumps.FirstOrDefault(r => r.Chain.Name.StartsWith(KubeChainNames.ServicePrefix, StringComparison.Ordinal)) ?? jumps.FirstOrDefault();
            var statistic = jump?.Match<StatisticMatch>();
            var probability = statistic is { Mode: "random", IsNegated: false } ? statistic.Probability : null;
            Rule[] rules = [.. jumps, .. own];
            return new KubeEndpoint(Chain, address, port, probability, rules.AsReadOnly());
        }
    }
}
