namespace IptablesPolicy.Testing.Fixtures;

/// <summary>A mistake in a fixture's directives, at its line and column.</summary>
/// <param name="Path">The fixture.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column (1-based).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record FixtureProblem(string Path, int Line, int Column, string Message)
{
    /// <summary><c>path:line:column: error: message</c>.</summary>
    public override string ToString() => $"{Path}:{Line}:{Column}: error: {Message}";
}
