using System.Net;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Kubernetes;

/// <summary>One endpoint of a service port: a <c>KUBE-SEP-*</c> chain and the rules that lead to and make it.</summary>
public sealed class KubeEndpoint
{
    internal KubeEndpoint(string chain, IPAddress? address, int? port, double? probability, IReadOnlyList<Rule> rules)
    {
        Chain = chain;
        Address = address;
        Port = port;
        Probability = probability;
        Rules = rules;
    }

    /// <summary>The <c>KUBE-SEP-*</c> chain.</summary>
    public string Chain { get; }

    /// <summary>
    /// The endpoint's address: from the chain's DNAT <c>--to-destination</c>, or, when the snapshot holds no
    /// DNAT rule for it, from the <c>"ns/name:port -> ip:port"</c> comment of the rule that jumps to it; null when neither says.
    /// </summary>
    public IPAddress? Address { get; }

    /// <summary>The endpoint's port, from the same rule as <see cref="Address"/>; null when not given.</summary>
    public int? Port { get; }

    /// <summary>
    /// The probability as written by the <c>-m statistic --mode random --probability</c> match of the rule that
    /// jumps to this chain from KUBE-SVC-* (else from KUBE-SVL-* or KUBE-XLB-*), as iptables-save prints it (e.g. 0.33333333349); null when that rule has no
    /// statistic match (the last endpoint takes what is left) or no rule jumps to the chain.
    /// </summary>
    public double? Probability { get; }

    /// <summary>The rules that jump to this chain from the service chains, then the chain's own rules, each in chain and position order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Chain} {Address}:{Port}";
}
