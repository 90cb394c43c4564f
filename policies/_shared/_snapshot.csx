// Helpers shared by the built-in policies: what a snapshot does not show. No descriptors here.

/// <summary>
/// True when the snapshot shows every chain of the table, so a chain it does not show does not exist: save
/// output and command scripts do, unless the table was cut before its COMMIT (Table.IsTruncated); an excerpt
/// (iptables-save | grep) does not; a listing or -S output does when it shows every built-in chain of the table
/// (iptables -L INPUT and iptables -S INPUT show one chain only).
/// </summary>
static bool ShowsWholeTable(Snapshot snapshot, Table table) => snapshot.Format switch
{
    SnapshotFormat.SaveFragment => false,
    SnapshotFormat.Listing or SnapshotFormat.RuleSpecs => table.Chains.Where(c => c.IsBuiltIn).All(c => c.Span is not null),
    _ => !table.IsTruncated,
};
