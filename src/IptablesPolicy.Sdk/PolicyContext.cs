using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Views.ChainGraph;
using IptablesPolicy.Core.Views.Kubernetes;

namespace IptablesPolicy.Sdk;

/// <summary>
/// Everything a policy script sees while it runs over one snapshot: its members are in scope in the script
/// (<c>Snapshot</c>, <c>Rules</c>, <c>Graph</c>, <c>Kubernetes</c>, <c>Report</c>). The script's body runs
/// once per snapshot.
/// </summary>
/// <example>
/// <code>
/// var noEndpoints = new PolicyDescriptor("ACME001", "Service without endpoints",
///     "Service {0} has no endpoints", "Kubernetes", Severity.Warning);
/// foreach (var service in Kubernetes.Services.Where(s => s.NoEndpointsRules.Count > 0))
///     Report(noEndpoints, service.NoEndpointsRules[0], service.ServicePortName);
/// </code>
/// </example>
public class PolicyContext
{
    private readonly SnapshotViews views;
    private readonly IReadOnlyDictionary<string, PolicyDescriptor> descriptors;
    private readonly Action<Diagnostic> sink;
    private readonly Lock gate = new();

    /// <summary>Prepares a run of one policy over one snapshot; the tool and <c>IptablesPolicy.Testing</c> call this.</summary>
    /// <param name="views">The snapshot and its shared views.</param>
    /// <param name="descriptors">The descriptors the policy declares (one made from its file name when it declares none).</param>
    /// <param name="sink">Receives each finding the policy reports.</param>
    /// <param name="cancellationToken">Signalled when the run is stopped (for example on timeout).</param>
    public PolicyContext(SnapshotViews views, IReadOnlyList<PolicyDescriptor> descriptors, Action<Diagnostic> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(sink);
        this.views = views;
        this.descriptors = descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        this.sink = sink;
        CancellationToken = cancellationToken;
        Descriptors = descriptors;
    }

    /// <summary>The snapshot being checked.</summary>
    public Snapshot Snapshot => views.Snapshot;

    /// <summary>The snapshot's tables in file order.</summary>
    public IReadOnlyList<Table> Tables => views.Snapshot.Tables;

    /// <summary>Every chain of every table, in file order.</summary>
    public IEnumerable<Chain> Chains => views.Snapshot.Tables.SelectMany(t => t.Chains);

    /// <summary>Every rule of every table, in file order.</summary>
    public IEnumerable<Rule> Rules => views.Snapshot.Rules;

    /// <summary>The chain graph: callers and callees, reachability, unreachable rules, chains that always end in a verdict.</summary>
    public SnapshotGraph Graph => views.Graph;

    /// <summary>The Kubernetes services, endpoints and NodePorts kube-proxy wrote into the snapshot.</summary>
    public KubernetesView Kubernetes => views.Kubernetes;

    /// <summary>The descriptors this policy declares.</summary>
    public IReadOnlyList<PolicyDescriptor> Descriptors { get; }

    /// <summary>Signalled when the tool stops the policy (it ran past <c>--policy-timeout</c>); long loops may check it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports a finding of <paramref name="descriptor"/> at <paramref name="location"/>.</summary>
    /// <param name="descriptor">One of the descriptors this policy declares.</param>
    /// <param name="location">A rule, chain, table or snapshot (each converts implicitly).</param>
    /// <param name="messageArgs">The arguments for the descriptor's message format.</param>
    public void Report(PolicyDescriptor descriptor, PolicyLocation location, params object?[] messageArgs) =>
        Report(Diagnostic.Create(descriptor, location, messageArgs));

    /// <summary>Reports a finding with related locations, such as the rule that causes it.</summary>
    public void Report(PolicyDescriptor descriptor, PolicyLocation location, IEnumerable<RelatedLocation> relatedLocations, params object?[] messageArgs) =>
        Report(Diagnostic.Create(descriptor, location, relatedLocations, properties: null, messageArgs));

    /// <summary>Reports a finding with this policy's only descriptor (the one named after the file when it declares
    /// none) and <paramref name="message"/> as its whole message.</summary>
    /// <exception cref="InvalidOperationException">The policy declares several descriptors: say which.</exception>
    public void Report(PolicyLocation location, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Descriptors.Count != 1)
            throw new InvalidOperationException($"this policy declares {Descriptors.Count} descriptors: report with one of them, Report(descriptor, location, ...)");
        Report(Diagnostic.CreateWithMessage(Descriptors[0], location, message));
    }

    /// <summary>Reports a finding made with <see cref="Diagnostic.Create(PolicyDescriptor, PolicyLocation, IEnumerable{RelatedLocation}?, IReadOnlyDictionary{string, string}?, object?[])"/>.</summary>
    /// <exception cref="InvalidOperationException">The descriptor is not one this policy declares.</exception>
    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!descriptors.ContainsKey(diagnostic.Id))
            throw new InvalidOperationException($"'{diagnostic.Id}' is not a descriptor this policy declares (it declares {string.Join(", ", descriptors.Keys.Order(StringComparer.Ordinal))})");
        lock (gate)
            sink(diagnostic);
    }
}
