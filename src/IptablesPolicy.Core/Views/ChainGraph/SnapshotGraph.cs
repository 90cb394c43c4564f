using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// The chain graphs of every table of a snapshot (jumps only stay inside a table), and their findings
/// gathered across tables. One per snapshot (<see cref="For(Snapshot)"/>), shared; each table's graph is
/// built when something first needs it.
/// </summary>
/// <remarks>
/// Building the graphs is the costliest view of a large snapshot (the nat table of 10k kube-proxy services:
/// 0.1 to 0.2 s), so <see cref="IsPartial"/> does not build them: a policy that reads it first would otherwise
/// build, or wait while another policy builds, graphs it may never use.
/// </remarks>
public sealed class SnapshotGraph
{
    private static readonly ViewCache<Snapshot, SnapshotGraph> Cache = new(s => new SnapshotGraph(s));

    private readonly Lazy<Gathered> gathered;

    private SnapshotGraph(Snapshot snapshot)
    {
        Snapshot = snapshot;
        gathered = new Lazy<Gathered>(() => new Gathered(snapshot.Tables.Select(TableGraph.For).ToList()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The snapshot the graphs describe.</summary>
    public Snapshot Snapshot { get; }

    /// <summary>
    /// True when the snapshot may hold only part of its tables (bare <c>-A</c> lines, as
    /// <c>iptables-save | grep</c> prints them): then a missing target or an orphan may only be a chain or
    /// rule the excerpt left out, and a policy should not report it as a fault of the ruleset.
    /// </summary>
    public bool IsPartial => Snapshot.Format == SnapshotFormat.SaveFragment;

    /// <summary>One graph per table, in the snapshot's table order.</summary>
    public IReadOnlyList<TableGraph> Tables => gathered.Value.Tables;

    /// <summary>Whether the table graphs have been built (for tests of what builds them).</summary>
    internal bool HasBuiltTables => gathered.IsValueCreated;

    /// <summary>The unreachable rules of every table (<see cref="TableGraph.UnreachableRules"/>), table by table.</summary>
    public IReadOnlyList<UnreachableRule> UnreachableRules => gathered.Value.UnreachableRules;

    /// <summary>The chains nothing reaches in every table (<see cref="TableGraph.Orphans"/>), table by table.</summary>
    public IReadOnlyList<Chain> Orphans => gathered.Value.Orphans;

    /// <summary>The jump loops of every table (<see cref="TableGraph.Cycles"/>), table by table.</summary>
    public IReadOnlyList<JumpCycle> Cycles => gathered.Value.Cycles;

    /// <summary>The jumps to chains that do not exist in every table (<see cref="TableGraph.MissingTargets"/>), table by table.</summary>
    public IReadOnlyList<ChainCall> MissingTargets => gathered.Value.MissingTargets;

    /// <summary>The graphs of a snapshot, built on first use and shared afterwards.</summary>
    public static SnapshotGraph For(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Cache.For(snapshot);
    }

    /// <summary>The graph of the table of that name (<c>nat</c>), or null when the snapshot has no such table.</summary>
    public TableGraph? Find(string tableName) => Tables.FirstOrDefault(t => t.Table.Name == tableName);

    /// <summary>The graph of one of the snapshot's tables.</summary>
    public TableGraph Of(Table table) => TableGraph.For(table);

    /// <summary>The graph of the table a chain belongs to.</summary>
    public TableGraph Of(Chain chain) => TableGraph.For(chain.Table);

    /// <summary>True when packets can get to the rule (see <see cref="TableGraph.IsReachable(Rule)"/>).</summary>
    public bool IsReachable(Rule rule) => TableGraph.For(rule.Table).IsReachable(rule);

    /// <summary>True when packets can get to the chain (see <see cref="TableGraph.IsReachable(Chain)"/>).</summary>
    public bool IsReachable(Chain chain) => TableGraph.For(chain.Table).IsReachable(chain);

    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", Tables);

    /// <summary>The table graphs and their findings gathered across tables, in table order.</summary>
    private sealed class Gathered(IReadOnlyList<TableGraph> tables)
    {
        public IReadOnlyList<TableGraph> Tables { get; } = tables;

        public IReadOnlyList<UnreachableRule> UnreachableRules { get; } = tables.SelectMany(t => t.UnreachableRules).ToList();

        public IReadOnlyList<Chain> Orphans { get; } = tables.SelectMany(t => t.Orphans).ToList();

        public IReadOnlyList<JumpCycle> Cycles { get; } = tables.SelectMany(t => t.Cycles).ToList();

        public IReadOnlyList<ChainCall> MissingTargets { get; } = tables.SelectMany(t => t.MissingTargets).ToList();
    }
}
