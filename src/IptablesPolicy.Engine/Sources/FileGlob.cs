using Microsoft.Extensions.FileSystemGlobbing;

namespace IptablesPolicy.Engine.Sources;

/// <summary>
/// Expands what a user typed into files: a file path, a folder (with a pattern for what to take below it), or a
/// glob (<c>**</c>, <c>*</c>, <c>?</c>) relative to the working directory or absolute.
/// </summary>
public static class FileGlob
{
    /// <summary>The files <paramref name="pattern"/> names, full paths sorted ordinally; empty when none.</summary>
    /// <param name="pattern">A file, folder or glob.</param>
    /// <param name="workingDirectory">What relative patterns are relative to.</param>
    /// <param name="folderPattern">What a folder stands for, such as <c>**/*.csx</c>.</param>
    public static IReadOnlyList<string> Expand(string pattern, string workingDirectory, string folderPattern)
    {
        var full = Path.GetFullPath(pattern, workingDirectory);
        if (File.Exists(full))
            return [full];
        if (Directory.Exists(full))
            return Match(full, folderPattern);
        // The root is the longest leading run of path segments without wildcards.
        var segments = full.Replace('\\', '/').Split('/');
        var rootLength = 0;
        while (rootLength < segments.Length - 1 && segments[rootLength].IndexOfAny(['*', '?', '[', '{']) < 0)
            rootLength++;
        var root = string.Join('/', segments[..rootLength]);
        if (root.Length == 0)
            root = "/";
        return rootLength < segments.Length && Directory.Exists(root) ? Match(root, string.Join('/', segments[rootLength..])) : [];
    }

    private static List<string> Match(string root, string pattern)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        return matcher.GetResultsInFullPath(root).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
    }
}
