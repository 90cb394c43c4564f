namespace IptablesPolicy.Core.Model;

/// <summary>A problem found while reading a snapshot, at the exact place it was found.</summary>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Span">Where the problem is: file, line and columns.</param>
/// <param name="Message">What was found and what was expected instead.</param>
public sealed record ParseDiagnostic(DiagnosticSeverity Severity, SourceSpan Span, string Message)
{
    /// <summary>Renders the diagnostic as <c>path:line:column: severity: message</c>.</summary>
    public override string ToString() =>
        $"{Span}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
