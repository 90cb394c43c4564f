using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Testing.Fixtures;

/// <summary>
/// Finds what <c>iptables-policy test</c> runs. The layout is one folder per policy, its fixtures in a
/// <c>fixtures</c> folder beside it:
/// <code>
/// policies/IPT1102/IPT1102.csx
/// policies/IPT1102/IPT1102.md
/// policies/IPT1102/fixtures/reports.v4
/// policies/IPT1102/fixtures/listing.txt
/// </code>
/// A folder argument means every policy below it and every file in a <c>fixtures</c> folder below it; a file or
/// glob argument means fixtures. A fixture that names no policy tests the policies of the folder above its
/// <c>fixtures</c> folder.
/// </summary>
public static class FixtureFinder
{
    /// <summary>The policies and fixtures the arguments name, sorted; a message for each argument that names nothing.</summary>
    public static (IReadOnlyList<string> PolicyFolders, IReadOnlyList<string> Fixtures, IReadOnlyList<string> Problems) Find(IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var cwd = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var fixtures = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var argument in arguments)
        {
            var full = Path.GetFullPath(argument, cwd);
            if (Directory.Exists(full))
            {
                folders.Add(full);
                fixtures.UnionWith(FileGlob.Expand(full, cwd, "**/fixtures/**/*").Where(IsFixtureFile));
                continue;
            }
            var found = FileGlob.Expand(full, cwd, "**/*").Where(IsFixtureFile).ToArray();
            if (found.Length == 0)
                problems.Add($"{argument}: error: no such fixture, folder, or file matching it");
            fixtures.UnionWith(found);
        }
        return (folders.ToArray(), fixtures.ToArray(), problems);
    }

    /// <summary>The folder whose policies a fixture tests by default: the one holding its nearest <c>fixtures</c> folder; null when it is in none.</summary>
    public static string? PolicyFolderOf(string fixturePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(fixturePath));
        while (directory is not null)
        {
            if (Path.GetFileName(directory) == "fixtures")
                return Path.GetDirectoryName(directory);
            directory = Path.GetDirectoryName(directory);
        }
        return null;
    }

    private static bool IsFixtureFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.EndsWith(".md", StringComparison.Ordinal) && !name.EndsWith(".csx", StringComparison.Ordinal);
    }
}
