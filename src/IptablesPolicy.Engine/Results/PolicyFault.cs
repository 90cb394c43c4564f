using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Engine.Results;

/// <summary>
/// A policy that could not do its job: it did not compile, broke a rule for policies, threw or ran too long.
/// The other policies still run; a run with faults ends with its own exit code.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="PolicyPath">The policy's path as output shows it.</param>
/// <param name="Span">Where in the policy (or a file it loads): file, line and column; the first line when unknown.</param>
/// <param name="Message">What went wrong, for people.</param>
/// <param name="SnapshotPath">The snapshot it was running over, for run-time faults; null for compile-time ones.</param>
public sealed record PolicyFault(FaultKind Kind, string PolicyPath, SourceSpan Span, string Message, string? SnapshotPath = null)
{
    /// <summary>The fault's stable id: <c>IPP0001</c> to <c>IPP0007</c> in <see cref="FaultKind"/> order.</summary>
    public string Id => $"IPP{(int)Kind + 1:D4}";

    /// <summary>Renders <c>path:line:column: error IPP0005: message</c>, naming the snapshot for run-time faults.</summary>
    public override string ToString() =>
        $"{Span.Path}:{Span.Line}:{Span.StartColumn}: error {Id}: {Message}{(SnapshotPath is null ? "" : $" (while checking {SnapshotPath})")}";
}
