#load "../_shared/_rules.csx"

// IPT3001: a DNAT that forwards traffic from any interface and any destination address (except what arrives on a
// bridge, which Docker excludes with ! -i docker0) to a well-known database or cache port, as Docker's
// `-p 5432:5432` writes it. At the DNAT rule.

var publishedDatabase = new PolicyDescriptor(
    id: "IPT3001",
    title: "Database port published on every address",
    messageFormat: "Port {0} is forwarded to {1} ({2}) from every interface and address of the host: anyone who can reach the host reaches the {2} server",
    category: "Security",
    defaultSeverity: Severity.Warning,
    description: "A DNAT for a database or cache port with no destination address and no inbound interface (other than excluding a bridge) exposes it to every network the host is on, past the filter table's INPUT rules.",
    tags: ["security", "docker"]);

var services = new Dictionary<int, string>
{
    [5432] = "PostgreSQL", [3306] = "MySQL", [1433] = "SQL Server", [6379] = "Redis", [27017] = "MongoDB",
    [9200] = "Elasticsearch", [11211] = "memcached", [5984] = "CouchDB", [9042] = "Cassandra",
};

foreach (var rule in Rules)
{
    if (rule.Target is not NatTarget { IsDestinationNat: true } dnat)
        continue;
    // Every destination address: none given, or 0.0.0.0/0 (not 127.0.0.1, not one public address).
    if (rule.Destination is { } destination && (destination.IsNegated || !destination.Value.IsAny))
        continue;
    // Every interface: none given, the wildcard, or all but one (Docker's ! -i docker0 leaves out the bridge only).
    if (rule.InInterface is { IsNegated: false, Value: not "+" } || rule.Unknown.Contains("inInterface"))
        continue;
    // The published port: Docker matches it with --dport; a DNAT without one (kube-proxy's KUBE-SEP) publishes nothing.
    if (SingleDestinationPort(rule) is not { } hostPort)
        continue;
    var targetPort = dnat.Ports is { } ports && ports.First == ports.Last ? ports.First : (int?)null;
    var port = services.ContainsKey(targetPort ?? -1) ? targetPort!.Value : hostPort;
    if (!services.TryGetValue(port, out var name))
        continue;
    var to = dnat.Option("--to-destination")?.Value ?? dnat.ToString();
    Report(publishedDatabase, rule, hostPort, to, name);
}
