using System.Text.Json;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Reporting;

/// <summary>
/// Writes a check as one JSON document (<c>--format json</c>, <c>--json FILE</c>), for scripts:
/// <c>{"tool", "summary", "findings", "absent", "faults", "snapshotProblems"}</c>. Every finding is there,
/// suppressed ones with their <c>suppression</c>; paths are as the run was given them. The layout is documented
/// in the README ("CI outputs") and only grows: fields are added, never renamed.
/// </summary>
public static class CheckJsonWriter
{
    /// <summary>The document's format version, raised if a field ever changes meaning.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>.</summary>
    public static void Write(CheckResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, JsonOutput.Options);
        json.WriteStartObject();
        json.WriteNumber("formatVersion", FormatVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
        WriteSummary(json, result);
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
            WriteFinding(json, finding);
        json.WriteEndArray();
        json.WriteStartArray("absent");
        foreach (var absent in result.Absent)
        {
            json.WriteStartObject();
            json.WriteString("id", absent.RuleId);
            json.WriteString("fingerprint", absent.Fingerprint);
            json.WriteString("message", absent.Message);
            json.WriteString("path", absent.Path);
            json.WriteNumber("line", absent.Line);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("faults");
        foreach (var fault in result.Faults)
        {
            json.WriteStartObject();
            json.WriteString("id", fault.Id);
            json.WriteString("kind", fault.Kind.ToString());
            json.WriteString("policy", fault.PolicyPath);
            WriteSpan(json, fault.Span);
            json.WriteString("message", fault.Message);
            if (fault.SnapshotPath is not null)
                json.WriteString("snapshot", fault.SnapshotPath);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("snapshotProblems");
        foreach (var problem in result.Snapshots.SelectMany(s => s.Diagnostics))
        {
            json.WriteStartObject();
            json.WriteString("severity", problem.Severity == DiagnosticSeverity.Error ? "error" : "warning");
            WriteSpan(json, problem.Span);
            json.WriteString("message", problem.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteSummary(Utf8JsonWriter json, CheckResult result)
    {
        var active = result.Findings.Where(f => f.Suppression is null).ToArray();
        json.WriteStartObject("summary");
        json.WriteNumber("findings", active.Length);
        json.WriteNumber("errors", active.Count(f => f.Severity == Sdk.Severity.Error));
        json.WriteNumber("warnings", active.Count(f => f.Severity == Sdk.Severity.Warning));
        json.WriteNumber("notes", active.Count(f => f.Severity == Sdk.Severity.Note));
        json.WriteNumber("suppressed", result.Findings.Count - active.Length);
        json.WriteNumber("absent", result.Absent.Count);
        json.WriteNumber("snapshots", result.Snapshots.Count);
        json.WriteNumber("policies", result.Policies.Policies.Count);
        json.WriteNumber("faults", result.Faults.Count);
        json.WriteNumber("unreadableLines", result.Snapshots.Sum(s => s.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)));
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        json.WriteString("severity", TextReport.SeverityName(finding.Severity));
        json.WriteString("message", finding.Message);
        WriteSpan(json, finding.Span);
        var location = finding.Diagnostic.Location;
        json.WriteString("kind", location.Kind);
        if (location.Table is not null)
            json.WriteString("table", location.Table.Name);
        if (location.Chain is not null)
            json.WriteString("chain", location.Chain.Name);
        if (finding.RuleText is not null)
            json.WriteString("rule", finding.RuleText);
        json.WriteString("fingerprint", finding.Fingerprint);
        json.WriteString("policy", finding.PolicyPath);
        json.WriteString("snapshot", finding.Snapshot.Path);
        json.WriteStartArray("related");
        foreach (var related in finding.Diagnostic.RelatedLocations)
        {
            json.WriteStartObject();
            WriteSpan(json, related.Location.Span);
            json.WriteString("message", related.Message);
            if (related.Location.Rule is { } rule)
                json.WriteString("rule", rule.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("properties");
        foreach (var (key, value) in finding.Diagnostic.Properties)
            json.WriteString(key, value);
        json.WriteEndObject();
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("kind", suppression.Kind);
            json.WriteString("justification", suppression.Justification);
            json.WriteString("source", suppression.Source);
            json.WriteEndObject();
        }
        if (finding.BaselineState is { } state)
            json.WriteString("baselineState", state.ToString().ToLowerInvariant());
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteString("path", span.Path);
        json.WriteNumber("line", span.Line);
        json.WriteNumber("startColumn", span.StartColumn);
        json.WriteNumber("endColumn", span.EndColumn);
    }
}
