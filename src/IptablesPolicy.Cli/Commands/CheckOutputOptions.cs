using System.CommandLine;
using IptablesPolicy.Cli.Output;
using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Reporting;

namespace IptablesPolicy.Cli.Commands;

/// <summary>The options of <c>check</c> that choose its outputs: the console format, report files, and what SARIF carries.</summary>
internal sealed class CheckOutputOptions
{
    public Option<string> Format { get; } = new("--format")
    {
        Description = "What standard output gets: text (for people), json, sarif, junit, or github (workflow-command annotations, plus a Markdown summary appended to $GITHUB_STEP_SUMMARY when it is set).",
        DefaultValueFactory = _ => "text",
    };

    public Option<string?> Sarif { get; } = new("--sarif") { Description = "Also write SARIF 2.1.0 to this file (for GitHub code scanning).", HelpName = "FILE" };

    public Option<string?> JUnit { get; } = new("--junit") { Description = "Also write JUnit XML to this file (for CI test reports).", HelpName = "FILE" };

    public Option<string?> Json { get; } = new("--json") { Description = "Also write the JSON document to this file.", HelpName = "FILE" };

    public Option<string?> Category { get; } = new("--category")
    {
        Description = "SARIF automationDetails.id: the category GitHub keeps this upload under, so several snapshot sets can be uploaded side by side.",
    };

    public Option<string?> SourceRoot { get; } = new("--source-root")
    {
        Description = "The repository root that SARIF and annotation paths are relative to (default: the working directory).",
        HelpName = "DIR",
    };

    public Option<int> MaxResults { get; } = new("--max-results")
    {
        Description = $"The most results SARIF and annotations carry (1 to {ReportOptions.GitHubResultLimit}); above it the first of each policy and the most severe are kept and the rest counted.",
        DefaultValueFactory = _ => ReportOptions.DefaultMaxResults,
    };

    public Option<bool> IncludeSuppressed { get; } = new("--include-suppressed")
    {
        Description = "Write suppressed findings to SARIF with their suppressions (GitHub ignores suppressions and would open alerts for them).",
    };

    public CheckOutputOptions()
    {
        Format.AcceptOnlyFromAmong(CheckOutputs.Formats);
        MaxResults.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > ReportOptions.GitHubResultLimit)
                r.AddError($"--max-results must be between 1 and {ReportOptions.GitHubResultLimit} (GitHub rejects more)");
        });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Format, Sarif, JUnit, Json, Category, SourceRoot, MaxResults, IncludeSuppressed })
            command.Options.Add(option);
    }

    /// <summary>What the command line asked for; the configuration file's <c>outputs</c> name the files it leaves out.</summary>
    public CheckOutputs For(ParseResult result, ConfigurationOutputs configured)
    {
        var sourceRoot = result.GetValue(SourceRoot);
        return new CheckOutputs(
            result.GetValue(Format) ?? "text",
            result.GetValue(Sarif) ?? configured.Sarif,
            result.GetValue(JUnit) ?? configured.JUnit,
            result.GetValue(Json) ?? configured.Json,
            new ReportOptions
            {
                SourceRoot = Path.GetFullPath(sourceRoot ?? Directory.GetCurrentDirectory()),
                WriteSourceRootUri = sourceRoot is not null,
                Category = result.GetValue(Category),
                MaxResults = result.GetValue(MaxResults),
                IncludeSuppressed = result.GetValue(IncludeSuppressed),
            });
    }
}
