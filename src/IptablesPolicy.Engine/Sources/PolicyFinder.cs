namespace IptablesPolicy.Engine.Sources;

/// <summary>
/// Finds policy scripts from what the user typed: a plain file path, a folder (every <c>.csx</c> below it), or a
/// glob (<c>policies/**/*.csx</c>), relative to the working directory or absolute. Scripts whose name starts with
/// <c>_</c> and scripts that another found policy <c>#load</c>s are helpers, not policies, unless named exactly.
/// </summary>
public static class PolicyFinder
{
    /// <summary>The policies <paramref name="patterns"/> name, sorted by path, and a message for each pattern that matched nothing.</summary>
    public static (IReadOnlyList<PolicySource> Policies, IReadOnlyList<string> Problems) Find(IEnumerable<string> patterns, string? workingDirectory = null)
    {
        var cwd = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var named = new SortedSet<string>(StringComparer.Ordinal);
        var globbed = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var pattern in patterns)
        {
            var full = Path.GetFullPath(pattern, cwd);
            if (File.Exists(full))
            {
                named.Add(full);
                continue;
            }
            var matches = FileGlob.Expand(full, cwd, "**/*.csx").Where(m => m.EndsWith(".csx", StringComparison.Ordinal)).ToArray();
            if (matches.Length == 0)
                problems.Add($"{pattern}: error: no policy script (.csx) found");
            globbed.UnionWith(matches.Where(m => !Path.GetFileName(m).StartsWith('_')));
        }
        var sources = new List<PolicySource>();
        foreach (var path in named.Union(globbed).Order(StringComparer.Ordinal))
        {
            try
            {
                sources.Add(PolicySource.FromFile(path, cwd));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{DisplayPath.Of(path, cwd)}: error: cannot read the policy: {e.Message}");
            }
        }
        var loaded = sources.SelectMany(s => s.LoadedFiles.Select(f => f.Path)).ToHashSet(StringComparer.Ordinal);
        return (sources.Where(s => named.Contains(s.Path) || !loaded.Contains(s.Path)).ToArray(), problems);
    }
}
