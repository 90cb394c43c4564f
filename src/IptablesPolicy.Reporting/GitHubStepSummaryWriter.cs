using System.Globalization;
using System.Text;
using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Reporting;

/// <summary>
/// Writes a check as the Markdown GitHub shows on a run's summary page (appended to <c>$GITHUB_STEP_SUMMARY</c>):
/// the summary line, then a table of every finding, then faults and unreadable snapshot lines. Suppressed findings
/// are counted, not listed. GitHub refuses a step summary over 1 MiB, so the table stops short of that and says so.
/// </summary>
public static class GitHubStepSummaryWriter
{
    /// <summary>GitHub's limit for one step's summary.</summary>
    public const int GitHubSummaryLimit = 1024 * 1024;

    private const int Reserve = 4 * 1024;

    /// <summary>Writes the Markdown to <paramref name="output"/>.</summary>
    public static void Write(CheckResult result, ReportOptions options, TextWriter output) =>
        Write(result, options, output, GitHubSummaryLimit);

    internal static void Write(CheckResult result, ReportOptions options, TextWriter output, int limit)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var text = new StringBuilder();
        text.Append("## iptables-policy\n\n");
        text.Append(Cell(TextReport.Summary(result))).Append("\n\n");
        var findings = result.Findings.Where(f => f.Suppression is null).ToArray();
        var suppressed = result.Findings.Count - findings.Length;
        if (findings.Length > 0)
        {
            text.Append("| Severity | Policy | Location | Message |\n| --- | --- | --- | --- |\n");
            var written = 0;
            var bytes = Encoding.UTF8.GetByteCount(text.ToString());
            foreach (var finding in findings)
            {
                var row = string.Create(CultureInfo.InvariantCulture,
                    $"| {TextReport.SeverityName(finding.Severity)} | {Cell(finding.Id)} | {Code($"{PathOf(finding.Span.Path, options)}:{finding.Span.Line}")} | {Cell(finding.Message)}{(finding.RuleText is null ? "" : "<br>" + Code(finding.RuleText))} |\n");
                bytes += Encoding.UTF8.GetByteCount(row);
                if (bytes > limit - Reserve)
                    break;
                text.Append(row);
                written++;
            }
            if (written < findings.Length)
                text.Append(CultureInfo.InvariantCulture, $"\n{findings.Length - written} more findings are not listed: GitHub refuses a step summary over 1 MiB. The SARIF, JSON or text output has them all.\n");
            text.Append('\n');
        }
        if (suppressed > 0)
            text.Append(CultureInfo.InvariantCulture, $"{suppressed} suppressed {(suppressed == 1 ? "finding is" : "findings are")} not listed.\n\n");
        if (result.Faults.Count > 0)
        {
            text.Append("### Policy faults\n\n");
            foreach (var fault in result.Faults)
                text.Append("- ").Append(Cell(fault.ToString())).Append('\n');
            text.Append('\n');
        }
        var problems = result.Snapshots.SelectMany(s => s.Diagnostics).ToArray();
        if (problems.Length > 0)
        {
            text.Append("### Snapshot lines not read\n\n");
            foreach (var problem in problems.Take(100))
                text.Append("- ").Append(Cell(problem.ToString())).Append('\n');
            if (problems.Length > 100)
                text.Append(CultureInfo.InvariantCulture, $"- and {problems.Length - 100} more\n");
            text.Append('\n');
        }
        output.Write(text.ToString());
    }

    private static string PathOf(string path, ReportOptions options) => SourceUris.RelativePath(path, options) ?? path;

    /// <summary>Text safe inside a table cell: no line breaks, no cell separators, no HTML.</summary>
    private static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>An HTML code span: unlike a Markdown one it can hold backticks and a table's <c>|</c> escaped.</summary>
    private static string Code(string text) => $"<code>{Cell(text)}</code>";
}
