// IPT2006: a rule that the kernel refuses to load, for the causes found by experiment in a network namespace
// (iptables 1.8.9, nft and legacy backends; see IPT2006.md for the table). At the rule.

var refused = new PolicyDescriptor(
    id: "IPT2006",
    title: "Rule the kernel refuses to load",
    messageFormat: "This rule cannot be loaded: {0}",
    category: "Correctness",
    defaultSeverity: Severity.Error,
    description: "Some rules pass iptables' own checks (iptables-restore --test) and are refused by the kernel when the table is committed, which loses the whole restore.",
    tags: ["hygiene"]);

bool Is(Rule rule, string name, string number) =>
    rule.Protocol is { IsNegated: false, Value: var p } && (p == name || p == number);

bool HasSynMatch(Rule rule) =>
    rule.Matches.OfType<PortMatch>().Any(m => m.TcpFlags is { IsNegated: false, Value: var (mask, comparison) }
        && mask.Split(',').Any(f => f is "SYN" or "ALL") && comparison.Split(',').Any(f => f is "SYN" or "ALL"));

// Read from the option text: a rule the parser finds invalid keeps its target untyped, with its options as written.
bool HasPorts(Target target)
{
    if (target.Option("--to-ports") is not null)
        return true;
    var range = target.Option("--to-destination")?.Value ?? target.Option("--to-source")?.Value;
    if (range is null)
        return false;
    // 10.0.0.1:80, 10.0.0.1-10.0.0.9:80-90, [fd00::1]:80; a bare IPv6 address has colons but no ']:'.
    return range.Contains("]:", StringComparison.Ordinal) || (!range.Contains('[') && range.Count(c => c == ':') == 1);
}

foreach (var rule in Rules)
{
    var target = rule.Target;
    string? why = target.Name switch
    {
        "REJECT" when target.Option("--reject-with")?.Value == "tcp-reset" && !Is(rule, "tcp", "6") =>
            "REJECT --reject-with tcp-reset needs -p tcp (the kernel's REJECT check returns EINVAL)",
        "TCPMSS" or "TCPOPTSTRIP" or "SYNPROXY" when !Is(rule, "tcp", "6") =>
            $"{target.Name} is only valid with -p tcp (x_tables: \"only valid for protocol 6\")",
        "TPROXY" when !Is(rule, "tcp", "6") && !Is(rule, "udp", "17") =>
            "TPROXY needs -p tcp or -p udp (\"Can be used only with -p tcp, -p udp\")",
        "TCPMSS" when target.Option("--clamp-mss-to-pmtu") is not null && rule.Chain.IsBuiltIn
            && rule.Chain.Name is not ("FORWARD" or "OUTPUT" or "POSTROUTING") =>
            $"TCPMSS --clamp-mss-to-pmtu works only in FORWARD, OUTPUT and POSTROUTING, not {rule.Chain.Name}",
        "TCPMSS" when !HasSynMatch(rule) =>
            "TCPMSS needs a match on TCP SYN packets (-m tcp --tcp-flags SYN,RST SYN): the legacy (x_tables) kernel refuses it without one; nf_tables accepts it",
        "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" when HasPorts(target)
            && !Is(rule, "tcp", "6") && !Is(rule, "udp", "17") && !Is(rule, "sctp", "132") && !Is(rule, "dccp", "33") && !Is(rule, "icmp", "1") =>
            $"{target.Name} with ports needs -p tcp, udp, sctp or dccp (iptables: \"Need TCP, UDP, SCTP or DCCP with port specification\")",
        _ => null,
    };
    if (why is not null)
        Report(refused, rule, why);
}
