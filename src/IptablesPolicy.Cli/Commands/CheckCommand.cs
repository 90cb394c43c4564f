using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using IptablesPolicy.Cli.Input;
using IptablesPolicy.Cli.Output;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Reporting;

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
        var timings = new Option<bool>("--timings")
        {
            Description = "Write to standard error how long each step and each policy took (wall clock), slowest policy first.",
        };
        var command = new Command("check", "Run policies over snapshots and report what they find.")
        {
            snapshots,
            inputFormat,
            timeout,
            timings,
        };
        policies.AddTo(command);
        var configurationOptions = new ConfigurationOptions();
        configurationOptions.AddTo(command);
        var outputs = new CheckOutputOptions();
        outputs.AddTo(command);
        command.SetAction(result =>
        {
            // The configuration file first: its values fill in what the command line leaves out.
            if (configurationOptions.Load(result, error) is not { } configuration
                || !configurationOptions.TryReadBaseline(result, configuration, error, out var baseline))
                return ExitCodes.Configuration;
            var progress = ProgressLine.IsWanted(error, Environment.GetEnvironmentVariable) ? new ProgressLine(error) : null;
            var timed = result.GetValue(timings) ? new CheckTimings() : null;
            var run = new RunOptions
            {
                MeasureTime = timed is not null,
                PolicyTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                SeverityOf = configuration.SeverityOf,
                Progress = progress is null ? null : progress.Report,
            };
            var arguments = result.GetValue(snapshots) is { Length: > 0 } given ? given : [.. configuration.Snapshots];
            return Run(
                arguments,
                InputFormatOption.Parse(result.GetValue(inputFormat)),
                policies.Sources(result, error, configuration),
                policies.EngineOptionsFor(result, run),
                check =>
                {
                    ConfigurationOptions.Apply(check, configuration, baseline, error);
                    return configurationOptions.Fails(result, configuration, check);
                },
                outputs.For(result, configuration.Outputs),
                progress,
                timed,
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
        Func<CheckResult, bool> applyConfiguration,
        CheckOutputs outputs,
        ProgressLine? progress,
        CheckTimings? timings,
        CommandOutput output,
        TextWriter error)
    {
        var (files, allFound) = SnapshotInputs.Resolve(snapshotArguments, error);
        // A live ruleset's size is not known before it is read: it runs with the collector as usual.
        var inputBytes = SnapshotInputs.SizeOf(files);
        using var budget = snapshotArguments.Length == 0 ? null : CollectorBudget.For(inputBytes);
        // Policies are compiled (or read from the compile cache) while the snapshots are read: the two do not
        // depend on each other, and each leaves a core idle part of the time.
        var engine = new PolicyEngine(options);
        var loading = Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var loaded = engine.Load(policySources.Sources);
            return (Policies: loaded, Elapsed: Stopwatch.GetElapsedTime(started));
        });
        var (snapshots, allRead) = snapshotArguments.Length == 0
            ? (LiveRuleset.Read(error), true)
            : SnapshotInputs.ReadFiles(files, format, error);
        allRead &= allFound;
        timings?.EndStep("read snapshots", $"{Count(snapshots.Count, "snapshot")}, {Count(snapshots.Sum(s => s.Tables.Sum(t => t.Chains.Sum(c => c.Rules.Count))), "rule")}");
        var (policies, loadTime) = loading.GetAwaiter().GetResult();
        timings?.AddParallelStep("load policies", loadTime, $"{Count(policies.Policies.Count, "policy", "policies")}: {policies.CompiledCount} compiled, {policies.FromCacheCount} from the cache (beside reading)");
        timings?.EndStep("wait for policies", "");
        // A live host may have no rules at all, which is an answer; files without a ruleset are not.
        if (snapshotArguments.Length == 0 ? snapshots.Count == 0 : !snapshots.Any(s => s.Tables.Any(t => t.Chains.Count > 0)))
        {
            error.WriteLine(snapshotArguments.Length == 0
                ? "iptables-policy: no live ruleset could be read; pass snapshot files or globs"
                : "iptables-policy: no ruleset found in the snapshots given");
            return ExitCodes.NoInput;
        }
        var result = engine.Check(policies, snapshots);
        progress?.Clear();
        timings?.EndStep("run policies", $"{Count(result.Timings.Count, "run")}, up to {options.Run.MaxParallelism} at a time");
        var fails = applyConfiguration(result);
        if (!outputs.Write(result, options.Run.SeverityOf, output, error, Environment.GetEnvironmentVariable))
            return ExitCodes.Usage;
        if (timings is not null)
        {
            timings.EndStep("write reports", "");
            if (budget is not null)
                timings.AddNote($"collector budget: {budget.Describe(inputBytes)}");
            output.Text.Flush();
            timings.Write(result, error);
        }
        return ExitCodeOf(result, fails, complete: allRead && policySources.AllFound);
    }

    private static string Count(int count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    private static int ExitCodeOf(CheckResult result, bool fails, bool complete)
    {
        var unreadable = result.Snapshots.Any(s => s.HasErrors);
        if (result.Faults.Count > 0 || unreadable || !complete)
            return ExitCodes.Incomplete;
        return fails ? ExitCodes.Findings : ExitCodes.Success;
    }
}
