namespace IptablesPolicy.Engine.Results;

/// <summary>The one order findings and faults are output in, so runs are byte-for-byte repeatable whatever the thread timing.</summary>
internal static class FindingOrder
{
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) =>
        findings
            .OrderBy(f => f.Span.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Line)
            .ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();

    public static IReadOnlyList<PolicyFault> Sort(IEnumerable<PolicyFault> faults) =>
        faults
            .OrderBy(f => f.PolicyPath, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Line)
            .ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.SnapshotPath, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();
}
