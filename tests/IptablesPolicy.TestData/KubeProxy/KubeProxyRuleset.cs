using System.Globalization;
using System.Net;
using System.Text;

namespace IptablesPolicy.TestData.KubeProxy;

/// <summary>
/// A kube-proxy-shaped IPv4 ruleset in the exact text <c>iptables-save</c> prints after kube-proxy's
/// iptables proxier (kubernetes pkg/proxy/iptables/proxier.go, 1.28 and later) has synced it: ClusterIP
/// services (<c>KUBE-SERVICES</c> → <c>KUBE-SVC-*</c> → <c>KUBE-SEP-*</c> with <c>statistic</c> load
/// balancing and DNAT), NodePorts (<c>KUBE-NODEPORTS</c> → <c>KUBE-EXT-*</c>), masquerading
/// (<c>KUBE-MARK-MASQ</c>, <c>KUBE-POSTROUTING</c>), and services without endpoints rejected in the filter
/// table. User chains are sorted and grouped as iptables-save prints them, so the text is a fixpoint of
/// <c>iptables-restore</c> followed by <c>iptables-save</c>. Same options, same bytes.
/// </summary>
public sealed class KubeProxyRuleset
{
    private const string MasqueradeMark = "0x4000/0x4000";

    private static readonly string[] NamespaceWords = ["default", "payments", "orders", "search", "billing", "monitoring", "ingress", "auth", "catalog", "checkout", "media", "analytics"];
    private static readonly string[] ServiceWords = ["api", "web", "frontend", "backend", "cache", "db", "queue", "worker", "gateway", "metrics", "grpc", "admin"];
    private static readonly string[] PortNames = ["http", "https", "grpc", "metrics", "", "", "tcp-main"];
    private static readonly int[] ServicePorts = [80, 443, 8080, 9090, 5432, 6379, 3306, 53, 8443];
    private static readonly int[] TargetPorts = [8080, 8443, 3000, 9090, 5432, 6379, 3306, 5353, 10250];

    private KubeProxyRuleset(KubeProxyRulesetOptions options, IReadOnlyList<KubeServicePort> services)
    {
        Options = options;
        Services = services;
    }

    /// <summary>The options this ruleset was generated from.</summary>
    public KubeProxyRulesetOptions Options { get; }

    /// <summary>The generated service ports, in the order their rules appear in <c>KUBE-SERVICES</c>.</summary>
    public IReadOnlyList<KubeServicePort> Services { get; }

    /// <summary>Generates the services the options describe.</summary>
    public static KubeProxyRuleset Create(KubeProxyRulesetOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Services);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EndpointsPerService, 1);
        var random = new DeterministicRandom(options.Seed);
        var podNetwork = IPNetwork.Parse(options.ClusterCidr);
        var services = new List<KubeServicePort>(options.Services);
        var namespaces = Math.Max(1, options.Services / 40);
        var endpointIndex = 0;
        var nodePortIndex = 0;
        for (var i = 0; i < options.Services; i++)
        {
            var ns = $"{random.Pick(NamespaceWords)}-{random.Next(namespaces)}";
            var name = $"{random.Pick(ServiceWords)}-{i}";
            var portName = random.Pick(PortNames);
            var protocol = random.Chance(options.UdpPercent) ? "udp" : "tcp";
            var port = random.Pick(ServicePorts);
            var targetPort = random.Pick(TargetPorts);
            var nodePort = random.Chance(options.NodePortPercent) ? 30000 + (nodePortIndex++ % 2768) : (int?)null;
            var spn = portName.Length == 0 ? $"{ns}/{name}" : $"{ns}/{name}:{portName}";
            var endpoints = new List<KubeEndpoint>();
            if (!random.Chance(options.WithoutEndpointsPercent))
            {
                for (var e = 0; e < options.EndpointsPerService; e++)
                {
                    var address = PodAddress(podNetwork, endpointIndex++);
                    var endpoint = $"{address}:{targetPort}";
                    endpoints.Add(new KubeEndpoint(address, targetPort, KubeProxyChainNames.Endpoint(spn, protocol, endpoint)));
                }
            }
            services.Add(new KubeServicePort(ns, name, portName, protocol, ClusterIp(i), port, nodePort, endpoints));
        }
        return new KubeProxyRuleset(options, services);
    }

    /// <summary>Generates the ruleset and returns its text.</summary>
    public static string Generate(KubeProxyRulesetOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Create(options).WriteTo(writer);
        return writer.ToString();
    }

    /// <summary>Writes the ruleset to a file (UTF-8, no byte order mark).</summary>
    public void WriteToFile(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        WriteTo(writer);
    }

    /// <summary>Writes the ruleset in iptables-save format: the mangle, filter and nat tables, in iptables-nft-save's order.</summary>
    public void WriteTo(TextWriter writer)
    {
        var output = new SaveTextWriter(writer, Options.Counters ? new DeterministicRandom(Options.Seed ^ 0xC0FFEE) : null,
            $"# Generated by iptables-save v1.8.9 (IptablesPolicy.TestData kube-proxy shape: {Options.Services} services, {Options.EndpointsPerService} endpoints each, seed {Options.Seed})");
        WriteMangle(output);
        WriteFilter(output);
        WriteNat(output);
    }

    private static void WriteMangle(SaveTextWriter output)
    {
        output.BeginTable("mangle", ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"], ["KUBE-KUBELET-CANARY", "KUBE-PROXY-CANARY"]);
        output.Commit();
    }

    private void WriteFilter(SaveTextWriter output)
    {
        output.BeginTable("filter", ["INPUT", "FORWARD", "OUTPUT"],
            ["KUBE-EXTERNAL-SERVICES", "KUBE-FIREWALL", "KUBE-FORWARD", "KUBE-KUBELET-CANARY", "KUBE-NODEPORTS", "KUBE-PROXY-CANARY", "KUBE-PROXY-FIREWALL", "KUBE-SERVICES"]);
        output.Rule("INPUT", "-m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL");
        output.Rule("INPUT", "-m comment --comment \"kubernetes health check service ports\" -j KUBE-NODEPORTS");
        output.Rule("INPUT", "-m conntrack --ctstate NEW -m comment --comment \"kubernetes externally-visible service portals\" -j KUBE-EXTERNAL-SERVICES");
        output.Rule("INPUT", "-j KUBE-FIREWALL");
        output.Rule("FORWARD", "-m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL");
        output.Rule("FORWARD", "-m comment --comment \"kubernetes forwarding rules\" -j KUBE-FORWARD");
        output.Rule("FORWARD", "-m conntrack --ctstate NEW -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        output.Rule("FORWARD", "-m conntrack --ctstate NEW -m comment --comment \"kubernetes externally-visible service portals\" -j KUBE-EXTERNAL-SERVICES");
        output.Rule("OUTPUT", "-m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL");
        output.Rule("OUTPUT", "-m conntrack --ctstate NEW -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        output.Rule("OUTPUT", "-j KUBE-FIREWALL");
        // The chains below print in sorted order, as iptables-save prints user chains.
        foreach (var service in Services.Where(s => s.Endpoints.Count == 0 && s.NodePort is not null))
            output.Rule("KUBE-EXTERNAL-SERVICES", $"-p {service.Protocol} -m comment --comment \"{service.ServicePortName} has no endpoints\" -m addrtype --dst-type LOCAL -m {service.Protocol} --dport {service.NodePort} -j REJECT --reject-with icmp-port-unreachable");
        output.Rule("KUBE-FIREWALL", "! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment \"block incoming localnet connections\" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP");
        output.Rule("KUBE-FORWARD", "-m conntrack --ctstate INVALID -j DROP");
        output.Rule("KUBE-FORWARD", $"-m comment --comment \"kubernetes forwarding rules\" -m mark --mark {MasqueradeMark} -j ACCEPT");
        output.Rule("KUBE-FORWARD", "-m comment --comment \"kubernetes forwarding conntrack rule\" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
        foreach (var service in Services.Where(s => s.Endpoints.Count == 0))
            output.Rule("KUBE-SERVICES", $"-d {service.ClusterIp}/32 -p {service.Protocol} -m comment --comment \"{service.ServicePortName} has no endpoints\" -m {service.Protocol} --dport {service.Port} -j REJECT --reject-with icmp-port-unreachable");
        output.Commit();
    }

    private void WriteNat(SaveTextWriter output)
    {
        // Every user chain with the rules it holds, so that they print sorted by name like iptables-save.
        var chains = new List<(string Name, Action Write)>
        {
            ("KUBE-KUBELET-CANARY", () => { }),
            ("KUBE-MARK-MASQ", () => output.Rule("KUBE-MARK-MASQ", $"-j MARK --set-xmark {MasqueradeMark}")),
            ("KUBE-NODEPORTS", () => WriteNodePorts(output)),
            ("KUBE-POSTROUTING", () => WritePostrouting(output)),
            ("KUBE-PROXY-CANARY", () => { }),
            ("KUBE-SERVICES", () => WriteServices(output)),
        };
        foreach (var service in Services.Where(s => s.Endpoints.Count > 0))
        {
            chains.Add((service.ServiceChain, () => WriteServiceChain(output, service)));
            if (service.NodePort is not null)
                chains.Add((service.ExternalChain, () => WriteExternalChain(output, service)));
            foreach (var endpoint in service.Endpoints)
                chains.Add((endpoint.Chain, () => WriteEndpointChain(output, service, endpoint)));
        }
        chains.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        output.BeginTable("nat", ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"], chains.Select(c => c.Name));
        output.Rule("PREROUTING", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        output.Rule("OUTPUT", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        output.Rule("POSTROUTING", "-m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING");
        foreach (var chain in chains)
            chain.Write();
        output.Commit();
    }

    private void WriteNodePorts(SaveTextWriter output)
    {
        foreach (var service in Services.Where(s => s.Endpoints.Count > 0 && s.NodePort is not null))
            output.Rule("KUBE-NODEPORTS", $"-p {service.Protocol} -m comment --comment \"{service.ServicePortName}\" -m {service.Protocol} --dport {service.NodePort} -j {service.ExternalChain}");
    }

    private static void WritePostrouting(SaveTextWriter output)
    {
        output.Rule("KUBE-POSTROUTING", $"-m mark ! --mark {MasqueradeMark} -j RETURN");
        output.Rule("KUBE-POSTROUTING", "-j MARK --set-xmark 0x4000/0x0");
        output.Rule("KUBE-POSTROUTING", "-m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully");
    }

    private void WriteServices(SaveTextWriter output)
    {
        foreach (var service in Services.Where(s => s.Endpoints.Count > 0))
            output.Rule("KUBE-SERVICES", $"-d {service.ClusterIp}/32 -p {service.Protocol} -m comment --comment \"{service.ServicePortName} cluster IP\" -m {service.Protocol} --dport {service.Port} -j {service.ServiceChain}");
        output.Rule("KUBE-SERVICES", "-m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS");
    }

    private void WriteServiceChain(SaveTextWriter output, KubeServicePort service)
    {
        output.Rule(service.ServiceChain, $"! -s {Options.ClusterCidr} -d {service.ClusterIp}/32 -p {service.Protocol} -m comment --comment \"{service.ServicePortName} cluster IP\" -m {service.Protocol} --dport {service.Port} -j KUBE-MARK-MASQ");
        var count = service.Endpoints.Count;
        for (var i = 0; i < count; i++)
        {
            var endpoint = service.Endpoints[i];
            var balance = i < count - 1 ? $" -m statistic --mode random --probability {StatisticProbability.Canonical(1.0 / (count - i))}" : "";
            output.Rule(service.ServiceChain, $"-m comment --comment \"{service.ServicePortName} -> {endpoint.Address}:{endpoint.Port}\"{balance} -j {endpoint.Chain}");
        }
    }

    private static void WriteExternalChain(SaveTextWriter output, KubeServicePort service)
    {
        output.Rule(service.ExternalChain, $"-m comment --comment \"masquerade traffic for {service.ServicePortName} external destinations\" -j KUBE-MARK-MASQ");
        output.Rule(service.ExternalChain, $"-j {service.ServiceChain}");
    }

    private static void WriteEndpointChain(SaveTextWriter output, KubeServicePort service, KubeEndpoint endpoint)
    {
        output.Rule(endpoint.Chain, $"-s {endpoint.Address}/32 -m comment --comment \"{service.ServicePortName}\" -j KUBE-MARK-MASQ");
        output.Rule(endpoint.Chain, $"-p {service.Protocol} -m comment --comment \"{service.ServicePortName}\" -m {service.Protocol} -j DNAT --to-destination {endpoint.Address}:{endpoint.Port}");
    }

    /// <summary>Service IPs spread over 10.96.0.0/12 without repeats (an odd multiplier is a bijection modulo 2^20).</summary>
    private static IPAddress ClusterIp(int index)
    {
        var offset = (uint)((index + 10L) * 40503L % (1 << 20));
        return ToAddress(0x0A600000u + offset);
    }

    /// <summary>Pod IPs packed 250 to a node /24 of the pod network, skipping .0 and .1.</summary>
    private static IPAddress PodAddress(IPNetwork network, int index)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var baseValue = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        return ToAddress(baseValue + (uint)(index / 250 * 256 + index % 250 + 2));
    }

    private static IPAddress ToAddress(uint value) =>
        new([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
}
