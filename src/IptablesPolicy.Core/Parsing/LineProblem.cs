using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>A problem found in one line, before the line is tied to a file.</summary>
internal readonly record struct LineProblem(DiagnosticSeverity Severity, string Message, int StartColumn, int EndColumn)
{
    public static LineProblem Error(string message, Token at) => new(DiagnosticSeverity.Error, message, at.StartColumn, at.EndColumn);

    public static LineProblem Warning(string message, Token at) => new(DiagnosticSeverity.Warning, message, at.StartColumn, at.EndColumn);
}
