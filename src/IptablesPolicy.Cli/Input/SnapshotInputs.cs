using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Cli.Input;

/// <summary>Reads the snapshots named on the command line: files, folders (every file below, dot files left out) and globs.</summary>
internal static class SnapshotInputs
{
    /// <summary>The files the arguments name, each once, in the order named; an argument that names none is reported.</summary>
    public static (IReadOnlyList<string> Files, bool AllFound) Resolve(IReadOnlyList<string> arguments, TextWriter error)
    {
        var cwd = Directory.GetCurrentDirectory();
        var files = new List<string>();
        var allFound = true;
        foreach (var argument in arguments)
        {
            var expanded = FileGlob.Expand(argument, cwd, "**/*")
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .ToArray();
            if (expanded.Length == 0)
            {
                error.WriteLine($"{argument}: error: no such file, or no file matches");
                allFound = false;
            }
            files.AddRange(expanded.Where(f => !files.Contains(f, StringComparer.Ordinal)));
        }
        return (files, allFound);
    }

    /// <summary>The total size of <paramref name="files"/> in bytes (a file that cannot be seen counts as empty: reading it reports why).</summary>
    public static long SizeOf(IReadOnlyList<string> files)
    {
        long bytes = 0;
        foreach (var file in files)
        {
            try
            {
                bytes += new FileInfo(file).Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return bytes;
    }

    /// <summary>Reads <paramref name="files"/> (from <see cref="Resolve"/>) in parallel; a file that cannot be read is reported.</summary>
    public static (IReadOnlyList<Snapshot> Snapshots, bool AllRead) ReadFiles(IReadOnlyList<string> files, SnapshotFormat? format, TextWriter error)
    {
        var cwd = Directory.GetCurrentDirectory();
        var allRead = true;
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
