namespace IptablesPolicy.Reporting;

/// <summary>Turns the paths results carry into what CI systems want: paths relative to the repository root.</summary>
internal static class SourceUris
{
    /// <summary>The path relative to the source root with <c>/</c> separators; null when it lies outside
    /// the root (or is not a file path at all, such as <c>builtin:</c> policies).</summary>
    public static string? RelativePath(string path, ReportOptions options)
    {
        if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal) || path.StartsWith("builtin:", StringComparison.Ordinal))
            return null;
        var full = Path.GetFullPath(path, options.WorkingDirectory);
        var relative = Path.GetRelativePath(options.SourceRoot, full);
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return null;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>A relative path as a URI reference: each segment percent-escaped.</summary>
    public static string Escape(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));

    /// <summary>An absolute <c>file://</c> URI for a path (a directory gets a trailing slash when <paramref name="directory"/>).</summary>
    public static string FileUri(string path, string workingDirectory, bool directory = false)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (directory && !full.EndsWith('/'))
            full += "/";
        return new Uri(full).AbsoluteUri;
    }
}
