using System.Diagnostics;
using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Cli.Input;

/// <summary>
/// Reads the host's own ruleset with <c>iptables-save</c> and <c>ip6tables-save</c>, for <c>check</c> without
/// snapshot arguments. Each tool that is missing or refused (not root) is reported, never fatal by itself.
/// </summary>
internal static class LiveRuleset
{
    private static readonly string[] Tools = ["iptables-save", "ip6tables-save"];

    public static IReadOnlyList<Snapshot> Read(TextWriter error)
    {
        var snapshots = new List<Snapshot>();
        foreach (var tool in Tools)
        {
            var path = FindOnPath(tool);
            if (path is null)
            {
                error.WriteLine($"{tool}: not found on PATH: cannot read the live ruleset; pass snapshot files instead");
                continue;
            }
            var (exitCode, output, message) = Run(path);
            if (exitCode != 0 || output.Length == 0 && message.Length > 0)
            {
                var hint = message.Contains("denied", StringComparison.OrdinalIgnoreCase) || message.Contains("not permitted", StringComparison.OrdinalIgnoreCase)
                    ? " (reading the live ruleset needs root: run with sudo, or pass snapshot files)"
                    : string.Empty;
                error.WriteLine($"{tool}: failed with exit code {exitCode}: {FirstLine(message)}{hint}");
                continue;
            }
            error.WriteLine($"{tool}: read the live ruleset ({output.Count(c => c == '\n')} lines)");
            snapshots.AddRange(SnapshotReader.ReadText(output, tool, SnapshotFormat.Save));
        }
        return snapshots;
    }

    private static (int ExitCode, string Output, string Error) Run(string path)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, string.Empty, e.Message);
        }
    }

    private static string? FindOnPath(string tool)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"]);
        return directories.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no message" : line;
    }
}
