using System.CommandLine;
using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;
using IptablesPolicy.Cli.Input;
using IptablesPolicy.Cli.Output;

namespace IptablesPolicy.Cli.Commands;

/// <summary><c>iptables-policy show FILE... [--format text|json]</c>: what the tool read from each file.</summary>
internal static class ShowCommand
{
    public static Command Create(CommandOutput output, TextWriter error)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Snapshot files: iptables-save output, iptables -S output, bare -A lines or a script of iptables commands.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text: a readable summary; json: the parsed model (see the README).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var inputFormat = InputFormatOption.Create();
        var command = new Command("show", "Show what was read from snapshot files: tables, chains, policies, rules and the problems found.")
        {
            files,
            format,
            inputFormat,
        };
        command.SetAction(result => Run(
            result.GetValue(files) ?? [],
            result.GetValue(format) ?? "text",
            InputFormatOption.Parse(result.GetValue(inputFormat)),
            output,
            error));
        return command;
    }

    private static int Run(string[] paths, string format, SnapshotFormat? inputFormat, CommandOutput output, TextWriter error)
    {
        var snapshots = new List<Snapshot>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                error.WriteLine($"{path}: error: is a directory: expected a snapshot file");
                continue;
            }
            try
            {
                snapshots.AddRange(SnapshotReader.ReadFile(path, inputFormat));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{path}: error: cannot read the file: {e.Message}");
            }
        }
        if (format == "json")
        {
            output.Text.Flush();
            SnapshotJsonWriter.Write(snapshots, output.Stream);
        }
        else
        {
            SnapshotSummaryWriter.Write(snapshots, output.Text);
        }
        return snapshots.Any(HasContent) ? ExitCodes.Success : ExitCodes.NoInput;
    }

    private static bool HasContent(Snapshot snapshot) => snapshot.Tables.Any(t => t.Chains.Count > 0);
}
