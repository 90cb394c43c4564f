using System.CommandLine;
using IptablesPolicy.Engine.Baselines;
using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Suppressions;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Cli.Commands;

/// <summary>
/// The options that come from the configuration file too (<c>--config</c>, <c>--fail-level</c>, <c>--fail-on</c>,
/// <c>--baseline</c>), and what <c>check</c> does with them after the policies ran: suppressions, the baseline, the
/// exit code. A value given on the command line beats the file's.
/// </summary>
internal sealed class ConfigurationOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = $"The configuration file (default: {ConfigurationLoader.FileName} in the working directory, when there is one).",
    };

    public Option<string?> FailLevel { get; } = new("--fail-level")
    {
        Description = "The least severity that makes the exit code 1: error, warning, note, or never (default: the configuration's failLevel, else error).",
    };

    public Option<string?> FailOn { get; } = new("--fail-on")
    {
        Description = "Which findings can make the exit code 1: all, or only those new against the baseline (default: the configuration's failOn, else all).",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "A SARIF file from an earlier run: findings are marked new, unchanged or updated, and fixed ones absent (default: the configuration's baseline).",
    };

    public ConfigurationOptions()
    {
        FailLevel.AcceptOnlyFromAmong("error", "warning", "note", "never");
        FailOn.AcceptOnlyFromAmong("all", "new");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(FailLevel);
        command.Options.Add(FailOn);
        command.Options.Add(Baseline);
    }

    /// <summary>The configuration file named by <c>--config</c> or found in the working directory; null (after saying why on <paramref name="error"/>) when it is refused.</summary>
    public PolicyConfiguration? Load(ParseResult result, TextWriter error)
    {
        var path = result.GetValue(Config) ?? (ConfigurationLoader.Find(Directory.GetCurrentDirectory()) is null ? null : ConfigurationLoader.FileName);
        if (path is null)
            return PolicyConfiguration.Empty;
        try
        {
            return ConfigurationLoader.Load(path);
        }
        catch (ConfigurationException e)
        {
            foreach (var problem in e.Problems)
                error.WriteLine(problem);
            return null;
        }
    }

    /// <summary>The baseline's results (null without a baseline); false (after saying why) when it cannot be read.</summary>
    public bool TryReadBaseline(ParseResult result, PolicyConfiguration configuration, TextWriter error, out IReadOnlyList<BaselineResult>? baseline)
    {
        baseline = null;
        var path = result.GetValue(Baseline) ?? configuration.Baseline;
        if (path is null)
            return true;
        try
        {
            baseline = SarifBaselineReader.Read(path);
            return true;
        }
        catch (ConfigurationException e)
        {
            error.WriteLine(e.Message);
            return false;
        }
    }

    /// <summary>Marks suppressed findings (notes about suppressions go to <paramref name="error"/>), then compares with the baseline.</summary>
    public static void Apply(CheckResult result, PolicyConfiguration configuration, IReadOnlyList<BaselineResult>? baseline, TextWriter error)
    {
        foreach (var note in SuppressionApplier.Apply(result, configuration, DateOnly.FromDateTime(DateTime.UtcNow)))
            error.WriteLine(note);
        if (baseline is not null)
            BaselineComparer.Apply(result, baseline);
    }

    /// <summary>
    /// Whether the findings fail the run: a finding counts when it is not suppressed, is at or above the fail level,
    /// and, with <c>--fail-on new</c>, is new against the baseline (every finding is new without one).
    /// </summary>
    public bool Fails(ParseResult result, PolicyConfiguration configuration, CheckResult check)
    {
        Severity? threshold = (result.GetValue(FailLevel) ?? configuration.FailLevel ?? "error") switch
        {
            "note" => Severity.Note,
            "warning" => Severity.Warning,
            "error" => Severity.Error,
            _ => null,
        };
        var onlyNew = (result.GetValue(FailOn) ?? configuration.FailOn ?? "all") == "new";
        return threshold is { } least && check.Findings.Any(f =>
            f.Suppression is null
            && f.Severity >= least
            && (!onlyNew || f.BaselineState is null or BaselineState.New));
    }
}
