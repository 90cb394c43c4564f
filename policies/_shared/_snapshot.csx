// Helpers shared by the built-in policies: what a snapshot does not show. No descriptors here.

/// <summary>
/// True when the input stops inside the table before its COMMIT (a paste cut short, a truncated file): then its
/// chains may only look empty because their rules were cut off, and a policy should not judge what is missing.
/// </summary>
static bool IsCut(Snapshot snapshot, Table table)
{
    if (table.Span is not { } start)
        return false;
    var next = snapshot.Tables.SkipWhile(t => t != table).Skip(1).Select(t => t.Span?.Line).FirstOrDefault(l => l is not null);
    return snapshot.Diagnostics.Any(d => d.Message.Contains("COMMIT", StringComparison.Ordinal)
        && d.Span.Line >= start.Line && (next is not { } n || d.Span.Line < n));
}

/// <summary>
/// True when the snapshot shows every chain of the table, so a chain it does not show does not exist: save
/// output and command scripts do (unless cut before COMMIT); an excerpt (iptables-save | grep) does not; a listing
/// or -S output does when it shows every built-in chain of the table (iptables -L INPUT and iptables -S INPUT show
/// one chain only).
/// </summary>
static bool ShowsWholeTable(Snapshot snapshot, Table table) => snapshot.Format switch
{
    SnapshotFormat.SaveFragment => false,
    SnapshotFormat.Listing or SnapshotFormat.RuleSpecs => table.Chains.Where(c => c.IsBuiltIn).All(c => c.Span is not null),
    _ => !IsCut(snapshot, table),
};
