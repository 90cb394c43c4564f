using System.Text.RegularExpressions;

namespace IptablesPolicy.Engine.Sources;

/// <summary>
/// Lists the files a script <c>#load</c>s, transitively, without starting the compiler: the compile cache key
/// needs them before deciding whether to compile. C# allows <c>#load</c> only before the first statement, one
/// per line, so a line scan finds them all.
/// </summary>
internal static partial class LoadDirectiveScanner
{
    /// <summary>A loaded file: its resolved path and its text (null when it does not exist).</summary>
    public readonly record struct LoadedFile(string Path, string? Text);

    public static IReadOnlyList<LoadedFile> LoadedFiles(PolicySource source)
    {
        var found = new List<LoadedFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { source.Path };
        Visit(source.Files, source.Path, source.Text, found, seen);
        return found;
    }

    private static void Visit(IPolicyFiles files, string path, string text, List<LoadedFile> found, HashSet<string> seen)
    {
        foreach (Match directive in LoadDirective().Matches(text))
        {
            var resolved = files.Resolve(directive.Groups[1].Value, path);
            if (!seen.Add(resolved))
                continue;
            var loadedText = files.ReadText(resolved);
            found.Add(new LoadedFile(resolved, loadedText));
            if (loadedText is not null)
                Visit(files, resolved, loadedText, found, seen);
        }
    }

    [GeneratedRegex(@"^[ \t]*#load[ \t]+""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex LoadDirective();
}
