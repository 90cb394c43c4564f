using System.Globalization;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Reporting;

/// <summary>
/// The plain text a person reads: one block per finding (<c>file:line:column: severity ID: message</c>, the rule
/// text, related places), then snapshot problems and policy faults, then a summary line. Sorted, no timestamps:
/// the same run prints the same bytes.
/// </summary>
public static class TextReport
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(CheckResult result, TextWriter output) => Write(result, output, []);

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>, with <paramref name="notes"/> (such as
    /// what a size-limited SARIF file left out) just before the summary line. Suppressed findings are not listed,
    /// only counted in the summary.</summary>
    public static void Write(CheckResult result, TextWriter output, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(notes);
        // Suppressed findings are counted in the summary, not printed: they carry their justification in SARIF and JSON.
        var active = result.Findings.Where(f => f.Suppression is null).ToArray();
        foreach (var finding in active)
            WriteFinding(finding, output);
        foreach (var problem in result.Snapshots.SelectMany(s => s.Diagnostics))
            output.WriteLine(problem.ToString());
        foreach (var fault in result.Faults)
            output.WriteLine(fault.ToString());
        foreach (var note in notes)
            output.WriteLine(note);
        if (active.Length + result.Faults.Count + notes.Count > 0)
            output.WriteLine();
        output.WriteLine(Summary(result));
    }

    /// <summary>The last line: how many findings of each severity, over how many snapshots and policies.</summary>
    public static string Summary(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var findings = result.Findings.Where(f => f.Suppression is null).ToArray();
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        var notes = findings.Count(f => f.Severity == Severity.Note);
        var policies = result.Policies;
        var problems = result.Snapshots.Sum(s => s.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Count(findings.Length, "finding")} ({Count(errors, "error")}, {Count(warnings, "warning")}, {Count(notes, "note")}) in {Count(result.Snapshots.Count, "snapshot")} from {Count(policies.Policies.Count, "policy", "policies")} ({policies.CompiledCount} compiled, {policies.FromCacheCount} from cache)");
        var suppressed = result.Findings.Count - findings.Length;
        if (suppressed > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; {suppressed} suppressed");
        if (findings.Any(f => f.BaselineState is not null) || result.Absent.Count > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; against the baseline {findings.Count(f => f.BaselineState == BaselineState.New)} new, {result.Absent.Count} absent");
        if (result.Faults.Count > 0)
            text += $"; {Count(result.Faults.Count, "policy fault")}";
        if (problems > 0)
            text += $"; {Count(problems, "unreadable snapshot line")}";
        return text;
    }

    private static void WriteFinding(Finding finding, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{finding.Span.Path}:{finding.Span.Line}:{finding.Span.StartColumn}: {SeverityName(finding.Severity)} {finding.Id}: {finding.Message}"));
        if (finding.RuleText is { } rule)
            output.WriteLine($"    {rule}");
        foreach (var related in finding.Diagnostic.RelatedLocations)
        {
            var span = related.Location.Span;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    related {span.Path}:{span.Line}:{span.StartColumn}: {related.Message}"));
            if (related.Location.Rule is { } relatedRule)
                output.WriteLine($"        {relatedRule.Text}");
        }
    }

    /// <summary>The severity as output writes it: <c>error</c>, <c>warning</c>, <c>note</c>.</summary>
    public static string SeverityName(Severity severity) => severity.ToString().ToLowerInvariant();

    private static string Count(int count, string noun, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? noun : plural ?? noun + "s")}");
}
