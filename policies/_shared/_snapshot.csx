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
