using System.CommandLine;
using IptablesPolicy.Cli.Input;
using IptablesPolicy.Cli.Output;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Reporting;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Cli.Commands;

/// <summary><c>iptables-policy check [SNAPSHOT|GLOB...]</c>: runs every enabled policy over every snapshot.</summary>
internal static class CheckCommand
{
    public static Command Create(CommandOutput output, TextWriter error)
    {
        var snapshots = new Argument<string[]>("snapshots")
        {
            Description = "Snapshot files, folders or globs (iptables-save, -S, -L/-vnL listings, command scripts, pasted notes). Without any, the live host's iptables-save and ip6tables-save output.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var policies = new PolicyOptions();
        var inputFormat = InputFormatOption.Create();
        var timeout = new Option<double>("--policy-timeout")
        {
            Description = "Seconds one policy may run over one snapshot before it is stopped and reported.",
            DefaultValueFactory = _ => 30,
        };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or double.NaN)
                r.AddError("--policy-timeout must be a positive number of seconds");
        });
        var failOn = new Option<string>("--fail-on")
        {
            Description = "The least severity that makes the exit code 1: error, warning, note, or never.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "never");
        var command = new Command("check", "Run policies over snapshots and report what they find.")
        {
            snapshots,
            inputFormat,
            timeout,
            failOn,
        };
        policies.AddTo(command);
        var outputs = new CheckOutputOptions();
        outputs.AddTo(command);
        command.SetAction(result =>
        {
            var progress = ProgressLine.IsWanted(error, Environment.GetEnvironmentVariable) ? new ProgressLine(error) : null;
            var run = new RunOptions { PolicyTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)), Progress = progress is null ? null : progress.Report };
            return Run(
                result.GetValue(snapshots) ?? [],
                InputFormatOption.Parse(result.GetValue(inputFormat)),
                policies.Sources(result, error),
                policies.EngineOptionsFor(result, run),
                result.GetValue(failOn) ?? "error",
                outputs.For(result),
                progress,
                output,
                error);
        });
        return command;
    }

    private static int Run(
        string[] snapshotArguments,
        SnapshotFormat? format,
        (IReadOnlyList<Engine.Sources.PolicySource> Sources, bool AllFound) policySources,
        EngineOptions options,
        string failOn,
        CheckOutputs outputs,
        ProgressLine? progress,
        CommandOutput output,
        TextWriter error)
    {
        var (snapshots, allRead) = snapshotArguments.Length == 0
            ? (LiveRuleset.Read(error), true)
            : SnapshotInputs.Read(snapshotArguments, format, error);
        // A live host may have no rules at all, which is an answer; files without a ruleset are not.
        if (snapshotArguments.Length == 0 ? snapshots.Count == 0 : !snapshots.Any(s => s.Tables.Any(t => t.Chains.Count > 0)))
        {
            error.WriteLine(snapshotArguments.Length == 0
                ? "iptables-policy: no live ruleset could be read; pass snapshot files or globs"
                : "iptables-policy: no ruleset found in the snapshots given");
            return ExitCodes.NoInput;
        }
        var engine = new PolicyEngine(options);
        var policies = engine.Load(policySources.Sources);
        var result = engine.Check(policies, snapshots);
        progress?.Clear();
        if (!outputs.Write(result, options.Run.SeverityOf, output, error, Environment.GetEnvironmentVariable))
            return ExitCodes.Usage;
        return ExitCodeOf(result, failOn, complete: allRead && policySources.AllFound);
    }

    private static int ExitCodeOf(CheckResult result, string failOn, bool complete)
    {
        var unreadable = result.Snapshots.Any(s => s.HasErrors);
        if (result.Faults.Count > 0 || unreadable || !complete)
            return ExitCodes.Incomplete;
        Severity? threshold = failOn switch
        {
            "note" => Severity.Note,
            "warning" => Severity.Warning,
            "error" => Severity.Error,
            _ => null,
        };
        return threshold is { } least && result.Findings.Any(f => f.Severity >= least) ? ExitCodes.Findings : ExitCodes.Success;
    }
}
