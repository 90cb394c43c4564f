namespace IptablesPolicy.Core.Model;

/// <summary>How serious a problem found while reading a snapshot is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing that loses nothing (for example a missing <c>COMMIT</c> at the end of the file).</summary>
    Warning,

    /// <summary>A line or part of a line that could not be read; the rest of the snapshot is still read.</summary>
    Error,
}
