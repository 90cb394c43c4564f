namespace IptablesPolicy.Core.Model;

/// <summary>
/// Where a parsed element stands in its input: the file, the 1-based line and the 1-based columns
/// (<see cref="EndColumn"/> is exclusive, as in SARIF regions). Diagnostics point here.
/// </summary>
/// <param name="Path">The file the element was read from, as it was given to the parser.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="StartColumn">The 1-based column of the first character.</param>
/// <param name="EndColumn">The 1-based column just after the last character.</param>
public readonly record struct SourceSpan(string Path, int Line, int StartColumn, int EndColumn)
{
    /// <summary>Renders the span as <c>path:line:column</c>, the form compilers print.</summary>
    public override string ToString() => $"{Path}:{Line}:{StartColumn}";
}
