using System.Text.RegularExpressions;

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
/// followed by a fixed suffix, or inside one of the fixed sentences of the <c>KUBE-EXT-*</c> chains.
/// </summary>
internal static partial class KubeProxyComment
{
    // Namespaces and service names are DNS labels; port names are IANA service names (or empty).
    private const string ServicePortName = @"(?<ns>[a-z0-9][-a-z0-9]*)/(?<name>[a-z0-9][-a-z0-9.]*)(?::(?<port>[-a-z0-9]*))?";

    [GeneratedRegex("^" + ServicePortName + @"(?:(?<suffix> cluster IP| external IP| loadbalancer IP| has no endpoints| has no local endpoints| health check node port)| -> (?<endpoint>\S+)| traffic not accepted by (?<fw>\S+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffixed();

    [GeneratedRegex("^(?:(?:masquerade|pod|masquerade LOCAL|route LOCAL) traffic for " + ServicePortName + " external destinations|other traffic to " + ServicePortName + " will be dropped by KUBE-PROXY-FIREWALL|Balancing rule [0-9]+ for " + ServicePortName + ")$", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    /// <summary>Reads a comment; null when it names no service port.</summary>
    public static ParsedComment? TryParse(string? text)
    {
        if (text is null || text.IndexOf('/') < 0)
            return null;
        var match = Suffixed().Match(text);
        if (match.Success)
        {
            var kind = match.Groups["endpoint"].Success ? KubeProxyCommentKind.EndpointJump
                : match.Groups["fw"].Success ? KubeProxyCommentKind.FirewallDrop
                : match.Groups["suffix"].Value switch
                {
                    " cluster IP" => KubeProxyCommentKind.ClusterIP,
                    " external IP" => KubeProxyCommentKind.ExternalIP,
                    " loadbalancer IP" => KubeProxyCommentKind.LoadBalancerIP,
                    " has no endpoints" => KubeProxyCommentKind.NoEndpoints,
                    " has no local endpoints" => KubeProxyCommentKind.NoLocalEndpoints,
                    " health check node port" => KubeProxyCommentKind.HealthCheckNodePort,
                    _ => KubeProxyCommentKind.ServicePort,
                };
            return Create(match, kind, match.Groups["endpoint"].Success ? match.Groups["endpoint"].Value : null);
        }
        match = Sentence().Match(text);
        return match.Success ? Create(match, KubeProxyCommentKind.Sentence, null) : null;
    }

    private static ParsedComment Create(Match match, KubeProxyCommentKind kind, string? endpoint) =>
        new(match.Groups["ns"].Value, match.Groups["name"].Value, match.Groups["port"].Value, kind, endpoint);
}

/// <summary>A comment read by <see cref="KubeProxyComment"/>.</summary>
internal sealed record ParsedComment(string Namespace, string Name, string PortName, KubeProxyCommentKind Kind, string? Endpoint)
{
    /// <summary><c>ns/name:port</c>, or <c>ns/name</c> for an unnamed port.</summary>
    public string Key => KubernetesView.KeyOf(Namespace, Name, PortName);
}
