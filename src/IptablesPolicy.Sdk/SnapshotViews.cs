using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Views.ChainGraph;
using IptablesPolicy.Core.Views.Kubernetes;

namespace IptablesPolicy.Sdk;

/// <summary>
/// A snapshot and the views derived from it, each built on first use and then shared by every policy that
/// runs over the snapshot (safe to use from several threads).
/// </summary>
public sealed class SnapshotViews
{
    private readonly Lazy<SnapshotGraph> graph;
    private readonly Lazy<KubernetesView> kubernetes;

    /// <summary>Prepares the views of <paramref name="snapshot"/>; nothing is built until asked for.</summary>
    public SnapshotViews(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        graph = new Lazy<SnapshotGraph>(() => SnapshotGraph.For(snapshot), LazyThreadSafetyMode.ExecutionAndPublication);
        kubernetes = new Lazy<KubernetesView>(() => KubernetesView.For(snapshot), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The snapshot.</summary>
    public Snapshot Snapshot { get; }

    /// <summary>The chain graph: callers and callees, reachability, unreachable rules, verdicts.</summary>
    public SnapshotGraph Graph => graph.Value;

    /// <summary>The Kubernetes services kube-proxy wrote into the snapshot.</summary>
    public KubernetesView Kubernetes => kubernetes.Value;
}
