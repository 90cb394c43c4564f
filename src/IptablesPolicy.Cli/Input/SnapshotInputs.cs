using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Cli.Input;

/// <summary>Reads the snapshots named on the command line: files, folders (every file below, dot files left out) and globs.</summary>
internal static class SnapshotInputs
{
    public static (IReadOnlyList<Snapshot> Snapshots, bool AllRead) Read(IReadOnlyList<string> arguments, SnapshotFormat? format, TextWriter error)
    {
        var cwd = Directory.GetCurrentDirectory();
        var files = new List<string>();
        var allRead = true;
        foreach (var argument in arguments)
        {
            var expanded = FileGlob.Expand(argument, cwd, "**/*")
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .ToArray();
            if (expanded.Length == 0)
            {
                error.WriteLine($"{argument}: error: no such file, or no file matches");
                allRead = false;
            }
            files.AddRange(expanded.Where(f => !files.Contains(f, StringComparer.Ordinal)));
        }
        var read = new IReadOnlyList<Snapshot>?[files.Count];
        var problems = new string?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var display = DisplayPath.Of(files[i], cwd);
            try
            {
                read[i] = SnapshotReader.ReadFile(display, format);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems[i] = $"{display}: error: cannot read the file: {e.Message}";
            }
        });
        foreach (var problem in problems.OfType<string>())
        {
            error.WriteLine(problem);
            allRead = false;
        }
        return (read.Where(r => r is not null).SelectMany(r => r!).ToArray(), allRead);
    }
}
