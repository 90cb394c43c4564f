// IPT1103: a service chain whose statistic probabilities do not spread traffic evenly over its endpoints: with n
// endpoint jumps, the k-th (from 0) must have --probability 1/(n-k) within 1e-6 and the last none. At the first
// rule that breaks it.

var uneven = new PolicyDescriptor(
    id: "IPT1103",
    title: "Kubernetes service balances unevenly",
    messageFormat: "Endpoint jump {0} of {1} in {2}{3} {4}: traffic is not spread evenly over the endpoints",
    category: "Kubernetes",
    defaultSeverity: Severity.Warning,
    description: "kube-proxy gives the k-th of n endpoint jumps the probability 1/(n-k) and the last none, so that each endpoint gets 1/n of the connections.",
    tags: ["kubernetes"]);

const double Tolerance = 1e-6;

foreach (var chain in Chains)
{
    // KUBE-SVC (cluster-wide), KUBE-SVL (node-local) and the classic layout's KUBE-XLB (node-local) all balance this way.
    if (!chain.Name.StartsWith("KUBE-SVC-", StringComparison.Ordinal) && !chain.Name.StartsWith("KUBE-SVL-", StringComparison.Ordinal)
        && !chain.Name.StartsWith("KUBE-XLB-", StringComparison.Ordinal))
        continue;
    var jumps = chain.Rules.Where(r => r.JumpsOrGoesTo("KUBE-SEP-*")).ToList();
    var n = jumps.Count;
    for (var k = 0; k < n; k++)
    {
        var rule = jumps[k];
        var statistic = rule.Match<StatisticMatch>();
        string? problem;
        if (k == n - 1)
        {
            problem = statistic is null ? null
                : $"is the last one but has a statistic match ({Describe(statistic)}), so the rest of the traffic reaches no endpoint";
        }
        else
        {
            var expected = 1.0 / (n - k);
            if (statistic is null)
                problem = $"has no statistic match, so it takes all the traffic it sees and the {n - k - 1} after it get none (expected --probability {expected:0.00000})";
            else if (statistic.Mode != "random" || statistic.IsNegated || statistic.Probability is not { } p)
                problem = $"has {Describe(statistic)} (expected --mode random --probability {expected:0.00000})";
            else if (Math.Abs(p - expected) > Tolerance)
                problem = $"has --probability {p:0.#########} where 1/{n - k} = {expected:0.00000} is expected";
            else
                problem = null;
        }
        if (problem is null)
            continue;
        var service = Kubernetes.FindByChain(chain.Name)?.ServicePortName;
        Report(uneven, rule, k + 1, n, chain.Name, service is null ? "" : $" (service {service})", problem);
        break;
    }
}

static string Describe(StatisticMatch statistic) => statistic.ToString().Replace("-m statistic ", "", StringComparison.Ordinal);
