using System.Globalization;
using System.Text;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Reporting;

/// <summary>
/// Writes a check as GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,endColumn=…,title=…::message</c>),
/// which GitHub shows as annotations on the changed files. GitHub shows only 10 annotations of each level per step,
/// so the most severe come first: faults and unreadable snapshot lines, then findings by severity, each group in
/// output order. Suppressed findings are left out; <c>--max-results</c> applies as for SARIF.
/// See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
/// </summary>
public static class GitHubAnnotationsWriter
{
    /// <summary>Writes the annotations and returns which findings they carry.</summary>
    public static ResultSelection Write(CheckResult result, ReportOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var selection = ResultSelection.Select(result.Findings.Where(f => f.Suppression is null).ToArray(), Math.Min(options.MaxResults, ReportOptions.GitHubResultLimit));
        foreach (var fault in result.Faults)
            WriteCommand(output, "error", fault.Span, options, fault.Id, fault.SnapshotPath is null ? fault.Message : $"{fault.Message} (while checking {fault.SnapshotPath})");
        foreach (var problem in result.Snapshots.SelectMany(s => s.Diagnostics).OrderByDescending(d => d.Severity))
            WriteCommand(output, problem.Severity == DiagnosticSeverity.Error ? "error" : "warning", problem.Span, options, "unreadable snapshot line", problem.Message);
        // OrderBy is stable: within a level, findings keep their output order.
        foreach (var finding in selection.Kept.OrderByDescending(f => f.Severity))
        {
            var message = finding.RuleText is null ? finding.Message : $"{finding.Message}\n{finding.RuleText}";
            WriteCommand(output, Command(finding.Severity), finding.Span, options, $"{finding.Id}: {finding.Descriptor.Title}", message);
        }
        if (selection.IsCut)
            output.WriteLine($"::warning title=iptables-policy::{EscapeData(selection.Describe("The annotations"))}");
        return selection;
    }

    private static void WriteCommand(TextWriter output, string command, SourceSpan span, ReportOptions options, string title, string message)
    {
        var line = new StringBuilder("::").Append(command);
        var properties = new List<string>();
        if (SourceUris.RelativePath(span.Path, options) is { } file)
        {
            properties.Add($"file={EscapeProperty(file)}");
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"line={Math.Max(1, span.Line)}"));
            properties.Add(string.Create(CultureInfo.InvariantCulture, $"col={Math.Max(1, span.StartColumn)}"));
            if (span.EndColumn > span.StartColumn)
                properties.Add(string.Create(CultureInfo.InvariantCulture, $"endColumn={span.EndColumn}"));
        }
        else if (span.Path.Length > 0)
        {
            // Not a file in the repository (a built-in policy, a live snapshot): name it in the message instead.
            message = $"{span}: {message}";
        }
        properties.Add($"title={EscapeProperty(title)}");
        line.Append(' ').AppendJoin(',', properties).Append("::").Append(EscapeData(message));
        output.WriteLine(line.ToString());
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>Escapes a command's message as the runner expects (<c>%</c>, CR, LF).</summary>
    internal static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: as data, plus <c>:</c> and <c>,</c>, which end a property.</summary>
    internal static string EscapeProperty(string text) =>
        EscapeData(text)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
