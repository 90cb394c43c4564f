namespace IptablesPolicy.Core.Views.Kubernetes;

/// <summary>What a kube-proxy rule comment says about the service port it belongs to.</summary>
internal enum KubeProxyCommentKind
{
    /// <summary>The bare service port name (<c>KUBE-NODEPORTS</c>, <c>KUBE-SEP-*</c> rules).</summary>
    ServicePort,
    ClusterIP,
    ExternalIP,
    LoadBalancerIP,
    NoEndpoints,
    NoLocalEndpoints,
    EndpointJump,
    HealthCheckNodePort,
    FirewallDrop,
    /// <summary>One of the fixed sentences of the <c>KUBE-EXT-*</c>, <c>KUBE-FW-*</c> and classic <c>KUBE-XLB-*</c> chains.</summary>
    Sentence,
}

/// <summary>
/// Reads the comments kube-proxy's iptables proxier writes (pkg/proxy/iptables/proxier.go): the service
/// port name <c>ns/name:port</c> (or <c>ns/name</c>, or the older <c>ns/name:</c> for an unnamed port)
/// followed by a fixed suffix, or inside one of the fixed sentences of the per-service chains. Written by
/// hand rather than as a regular expression, with one instance per view that shares the names it has read:
/// a large node has a hundred thousand of these comments.
/// </summary>
internal sealed class KubeProxyComment
{
    private static readonly (string Suffix, KubeProxyCommentKind Kind)[] Suffixes =
    [
        (" cluster IP", KubeProxyCommentKind.ClusterIP),
        (" external IP", KubeProxyCommentKind.ExternalIP),
        (" loadbalancer IP", KubeProxyCommentKind.LoadBalancerIP),
        (" has no endpoints", KubeProxyCommentKind.NoEndpoints),
        (" has no local endpoints", KubeProxyCommentKind.NoLocalEndpoints),
        (" health check node port", KubeProxyCommentKind.HealthCheckNodePort),
    ];

    private static readonly (string Prefix, string Suffix)[] Sentences =
    [
        ("masquerade traffic for ", " external destinations"),
        ("pod traffic for ", " external destinations"),
        ("masquerade LOCAL traffic for ", " external destinations"),
        ("route LOCAL traffic for ", " external destinations"),
        ("other traffic to ", " will be dropped by KUBE-PROXY-FIREWALL"),
    ];

    private const string EndpointArrow = " -> ";
    private const string FirewallSentence = " traffic not accepted by ";
    private const string BalancingRule = "Balancing rule ";

    // One ServicePortName per distinct token: a service port's name appears in a dozen comments.
    private readonly Dictionary<string, ServicePortName?> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServicePortName?>.AlternateLookup<ReadOnlySpan<char>> namesBySpan;

    public KubeProxyComment() => namesBySpan = names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Reads a comment; null when it names no service port.</summary>
    public ParsedComment? TryParse(string? text)
    {
        if (text is null || !text.Contains('/', StringComparison.Ordinal))
            return null;
        var span = text.AsSpan();
        var space = span.IndexOf(' ');
        if (Name(space < 0 ? span : span[..space]) is { } name)
        {
            var rest = space < 0 ? [] : span[space..];
            if (rest.IsEmpty)
                return new ParsedComment(name, KubeProxyCommentKind.ServicePort, null);
            foreach (var (suffix, kind) in Suffixes)
            {
                if (rest.SequenceEqual(suffix))
                    return new ParsedComment(name, kind, null);
            }
            if (rest.StartsWith(EndpointArrow, StringComparison.Ordinal) && rest.Length > EndpointArrow.Length && !rest[EndpointArrow.Length..].Contains(' '))
                return new ParsedComment(name, KubeProxyCommentKind.EndpointJump, rest[EndpointArrow.Length..].ToString());
            if (rest.StartsWith(FirewallSentence, StringComparison.Ordinal) && !rest[FirewallSentence.Length..].Contains(' '))
                return new ParsedComment(name, KubeProxyCommentKind.FirewallDrop, null);
            return null;
        }
        foreach (var (prefix, suffix) in Sentences)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(suffix, StringComparison.Ordinal)
                && text.Length > prefix.Length + suffix.Length)
                return Name(span[prefix.Length..^suffix.Length]) is { } inner ? new ParsedComment(inner, KubeProxyCommentKind.Sentence, null) : null;
        }
        if (text.StartsWith(BalancingRule, StringComparison.Ordinal))
        {
            // "Balancing rule N for ns/name:port" (classic KUBE-XLB-* chains).
            var parts = text[BalancingRule.Length..].Split(' ');
            if (parts is [var number, "for", var token] && number.Length > 0 && number.All(char.IsAsciiDigit))
                return Name(token) is { } inner ? new ParsedComment(inner, KubeProxyCommentKind.Sentence, null) : null;
        }
        return null;
    }

    private ServicePortName? Name(ReadOnlySpan<char> token)
    {
        if (namesBySpan.TryGetValue(token, out var known))
            return known;
        var text = token.ToString();
        var name = ServicePortName.TryRead(text);
        names.Add(text, name);
        return name;
    }
}

/// <summary>A service port name as kube-proxy writes it: <c>ns/name</c>, <c>ns/name:</c> or <c>ns/name:port</c>.</summary>
internal sealed class ServicePortName
{
    private ServicePortName(string @namespace, string name, string portName)
    {
        Namespace = @namespace;
        Name = name;
        PortName = portName;
        Key = KubernetesView.KeyOf(@namespace, name, portName);
    }

    public string Namespace { get; }

    public string Name { get; }

    public string PortName { get; }

    /// <summary><c>ns/name:port</c>, or <c>ns/name</c> for an unnamed port.</summary>
    public string Key { get; }

    /// <summary>Reads a token; null unless it is DNS labels and an IANA service name.</summary>
    public static ServicePortName? TryRead(string token)
    {
        var slash = token.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
            return null;
        var colon = token.IndexOf(':', slash + 1);
        var ns = token[..slash];
        var name = colon < 0 ? token[(slash + 1)..] : token[(slash + 1)..colon];
        var port = colon < 0 ? string.Empty : token[(colon + 1)..];
        return IsLabel(ns, allowDots: false) && IsLabel(name, allowDots: true) && (port.Length == 0 || IsLabel(port, allowDots: false))
            ? new ServicePortName(ns, name, port)
            : null;
    }

    private static bool IsLabel(string text, bool allowDots)
    {
        if (text.Length == 0 || text[0] == '-' || text[0] == '.')
            return false;
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || (allowDots && c == '.')))
                return false;
        }
        return true;
    }
}

/// <summary>A comment read by <see cref="KubeProxyComment"/>: the service port, what the rest says, and the endpoint of a <c>" -> ip:port"</c>.</summary>
internal readonly record struct ParsedComment(ServicePortName Name, KubeProxyCommentKind Kind, string? Endpoint);
