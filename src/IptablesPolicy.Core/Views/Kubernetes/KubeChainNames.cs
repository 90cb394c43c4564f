namespace IptablesPolicy.Core.Views.Kubernetes;

/// <summary>The chain names kube-proxy's iptables proxier uses.</summary>
internal static class KubeChainNames
{
    public const string Services = "KUBE-SERVICES";
    public const string NodePorts = "KUBE-NODEPORTS";
    public const string ExternalServices = "KUBE-EXTERNAL-SERVICES";
    public const string ServicePrefix = "KUBE-SVC-";
    public const string LocalServicePrefix = "KUBE-SVL-";
    public const string ExternalPrefix = "KUBE-EXT-";
    public const string FirewallPrefix = "KUBE-FW-";
    public const string ClassicLocalPrefix = "KUBE-XLB-";
    public const string EndpointPrefix = "KUBE-SEP-";

    /// <summary>Whether the chain belongs to one service port (its name is a hash of it).</summary>
    public static bool IsPerService(string? name) =>
        name is not null && (name.StartsWith(ServicePrefix, StringComparison.Ordinal) || name.StartsWith(LocalServicePrefix, StringComparison.Ordinal)
            || name.StartsWith(ExternalPrefix, StringComparison.Ordinal) || name.StartsWith(FirewallPrefix, StringComparison.Ordinal)
            || name.StartsWith(ClassicLocalPrefix, StringComparison.Ordinal) || IsEndpoint(name));

    public static bool IsEndpoint(string? name) => name is not null && name.StartsWith(EndpointPrefix, StringComparison.Ordinal);

    /// <summary>Whether the chain balances over endpoints: KUBE-SVC-*, KUBE-SVL-* and the classic KUBE-XLB-*.</summary>
    public static bool IsBalancing(string name) =>
        name.StartsWith(ServicePrefix, StringComparison.Ordinal) || name.StartsWith(LocalServicePrefix, StringComparison.Ordinal)
            || name.StartsWith(ClassicLocalPrefix, StringComparison.Ordinal);
}
