using IptablesPolicy.Core.Model;
using Microsoft.CodeAnalysis;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>Turns Roslyn locations (0-based) into the model's 1-based spans.</summary>
internal static class Spans
{
    public static SourceSpan Of(Location location, string fallbackPath)
    {
        var mapped = location.GetMappedLineSpan();
        var path = string.IsNullOrEmpty(mapped.Path) ? fallbackPath : mapped.Path;
        var start = mapped.StartLinePosition;
        var end = mapped.EndLinePosition;
        var endColumn = end.Line == start.Line ? Math.Max(end.Character + 1, start.Character + 2) : start.Character + 2;
        return new SourceSpan(path, start.Line + 1, start.Character + 1, endColumn);
    }

    public static SourceSpan Of(SyntaxNode node, string fallbackPath) => Of(node.GetLocation(), fallbackPath);
}
