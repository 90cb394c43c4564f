using System.IO.Compression;
using System.Text;
using System.Text.Json;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Reporting;

/// <summary>
/// Writes a check as SARIF 2.1.0 that GitHub code scanning ingests: one run, a rule per descriptor, a result
/// per finding (suppressed ones only with <see cref="ReportOptions.IncludeSuppressed"/>), absent baseline
/// results, and faults, snapshot problems and the <c>--max-results</c> cut as tool execution notifications.
/// Never writes what GitHub rejects: at most 25,000 results and 10 MB gzipped. Same input, same bytes.
/// </summary>
public static class SarifWriter
{
    /// <summary>GitHub rejects SARIF files larger than this once gzipped.</summary>
    public const long GitHubGzippedLimit = 10L * 1000 * 1000;

    private const string SourceRootId = "%SRCROOT%";

    // GitHub keeps at most 1,000 locations per result and 100 per related list it shows; more only costs bytes.
    private const int MaxRelatedLocations = 1000;

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/> and says which findings it carries.</summary>
    public static ResultSelection Write(CheckResult result, ReportOptions options, Stream output) =>
        Write(result, options, output, GitHubGzippedLimit);

    internal static ResultSelection Write(CheckResult result, ReportOptions options, Stream output, long gzippedLimit)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var candidates = result.Findings.Where(f => options.IncludeSuppressed || f.Suppression is null).ToArray();
        var absent = result.Absent.Take(ReportOptions.GitHubResultLimit).ToArray();
        var limit = Math.Clamp(options.MaxResults, 0, ReportOptions.GitHubResultLimit - absent.Length);
        while (true)
        {
            var selection = ResultSelection.Select(candidates, limit);
            using var buffer = new MemoryStream();
            WriteDocument(result, options, selection, absent, buffer);
            // A file GitHub would refuse is no use to anyone: keep fewer results until it fits.
            if (limit > 0 && GzippedLength(buffer) > gzippedLimit)
            {
                limit = selection.Kept.Count * 3 / 4;
                continue;
            }
            buffer.Position = 0;
            buffer.CopyTo(output);
            return selection;
        }
    }

    private static long GzippedLength(MemoryStream buffer)
    {
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        return counter.Length;
    }

    private static void WriteDocument(CheckResult result, ReportOptions options, ResultSelection selection, IReadOnlyList<AbsentResult> absent, Stream output)
    {
        var descriptors = result.Policies.Descriptors;
        var ruleIndex = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, JsonOutput.Options);
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var descriptor in descriptors)
            WriteRule(json, descriptor, options.SeverityOf(descriptor));
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        if (!string.IsNullOrEmpty(options.Category))
        {
            json.WriteStartObject("automationDetails");
            // GitHub reads the category as everything before the last '/': "aks/" is category "aks".
            json.WriteString("id", options.Category.EndsWith('/') ? options.Category : options.Category + "/");
            json.WriteEndObject();
        }

        WriteInvocation(json, result, options, selection);

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRootId);
        if (options.WriteSourceRootUri)
            json.WriteString("uri", SourceUris.FileUri(options.SourceRoot, options.WorkingDirectory, directory: true));
        WriteMessage(json, "description", "The repository root: result paths are relative to it (--source-root, default the working directory).");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("columnKind", "utf16CodeUnits");

        json.WriteStartArray("results");
        foreach (var finding in selection.Kept)
            WriteResult(json, finding, ruleIndex, options);
        foreach (var gone in absent)
            WriteAbsent(json, gone, ruleIndex, options);
        json.WriteEndArray();

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteRule(Utf8JsonWriter json, PolicyDescriptor descriptor, Severity? severity)
    {
        json.WriteStartObject();
        json.WriteString("id", descriptor.Id);
        json.WriteString("name", RuleName(descriptor));
        WriteMessage(json, "shortDescription", descriptor.Title);
        WriteMessage(json, "fullDescription", descriptor.Description ?? descriptor.Title);
        var markdown = descriptor.HelpMarkdown
            ?? $"**{descriptor.Title}**\n\n{descriptor.Description ?? descriptor.MessageFormat}" + (descriptor.HelpUri is null ? "" : $"\n\nSee {descriptor.HelpUri}.");
        json.WriteStartObject("help");
        json.WriteString("text", descriptor.HelpMarkdown ?? (descriptor.Description ?? descriptor.Title) + (descriptor.HelpUri is null ? "" : $" See {descriptor.HelpUri}."));
        json.WriteString("markdown", markdown);
        json.WriteEndObject();
        if (descriptor.HelpUri is not null)
            json.WriteString("helpUri", descriptor.HelpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(severity ?? descriptor.DefaultSeverity));
        if (severity is null)
            json.WriteBoolean("enabled", false);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", descriptor.Category);
        json.WriteStartArray("tags");
        foreach (var tag in descriptor.Tags)
            json.WriteStringValue(tag);
        json.WriteEndArray();
        if (IsSecurity(descriptor))
            json.WriteString("security-severity", SecuritySeverity(severity ?? descriptor.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, CheckResult result, ReportOptions options, ResultSelection selection)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", result.Faults.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var fault in result.Faults)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            WriteMessage(json, "message", fault.SnapshotPath is null
                ? $"{fault.Id}: {fault.PolicyPath}: {fault.Message}"
                : $"{fault.Id}: {fault.PolicyPath}: {fault.Message} (while checking {fault.SnapshotPath})");
            WriteLocations(json, "locations", fault.Span, options);
            json.WriteStartObject("descriptor");
            json.WriteString("id", fault.Id);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        foreach (var problem in result.Snapshots.SelectMany(s => s.Diagnostics))
        {
            json.WriteStartObject();
            json.WriteString("level", problem.Severity == DiagnosticSeverity.Error ? "error" : "warning");
            WriteMessage(json, "message", $"{problem.Span.Path}:{problem.Span.Line}: {problem.Message}");
            WriteLocations(json, "locations", problem.Span, options);
            json.WriteEndObject();
        }
        if (selection.IsCut)
        {
            json.WriteStartObject();
            json.WriteString("level", "warning");
            WriteMessage(json, "message", selection.Describe("This SARIF file"));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndex, ReportOptions options)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        if (ruleIndex.TryGetValue(finding.Id, out var index))
            json.WriteNumber("ruleIndex", index);
        json.WriteString("level", Level(finding.Severity));
        WriteMessage(json, "message", finding.Message);
        WriteLocations(json, "locations", finding.Span, options);
        var related = finding.Diagnostic.RelatedLocations;
        if (related.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            for (var i = 0; i < Math.Min(related.Count, MaxRelatedLocations); i++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", i + 1);
                WritePhysicalLocation(json, related[i].Location.Span, options);
                WriteMessage(json, "message", related[i].Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", finding.Fingerprint);
        json.WriteEndObject();
        if (finding.BaselineState is { } state)
            json.WriteString("baselineState", BaselineName(state));
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            // A comment in the snapshot is "in source"; the configuration file is "external" to it.
            json.WriteString("kind", suppression.Kind == "config" ? "external" : "inSource");
            json.WriteString("status", "accepted");
            json.WriteString("justification", suppression.Justification);
            json.WriteStartObject("properties");
            json.WriteString("source", suppression.Source);
            json.WriteString("origin", suppression.Kind);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartObject("properties");
        json.WriteString("policy", finding.PolicyPath);
        if (finding.RuleText is { } ruleText)
            json.WriteString("ruleText", ruleText);
        foreach (var (key, value) in finding.Diagnostic.Properties)
            json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAbsent(Utf8JsonWriter json, AbsentResult absent, Dictionary<string, int> ruleIndex, ReportOptions options)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", absent.RuleId);
        if (ruleIndex.TryGetValue(absent.RuleId, out var index))
            json.WriteNumber("ruleIndex", index);
        // Fixed: reported as a pass, so an upload never turns it into an open alert.
        json.WriteString("kind", "pass");
        json.WriteString("level", "none");
        WriteMessage(json, "message", absent.Message);
        WriteLocations(json, "locations", new SourceSpan(absent.Path, Math.Max(1, absent.Line), 1, 1), options);
        json.WriteStartObject("partialFingerprints");
        json.WriteString("primaryLocationLineHash", absent.Fingerprint);
        json.WriteEndObject();
        json.WriteString("baselineState", BaselineName(BaselineState.Absent));
        json.WriteEndObject();
    }

    private static void WriteLocations(Utf8JsonWriter json, string name, SourceSpan span, ReportOptions options)
    {
        if (span.Path.StartsWith("builtin:", StringComparison.Ordinal) || span.Path.Length == 0)
            return;
        json.WriteStartArray(name);
        json.WriteStartObject();
        WritePhysicalLocation(json, span, options);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceSpan span, ReportOptions options)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (SourceUris.RelativePath(span.Path, options) is { } relative)
        {
            json.WriteString("uri", SourceUris.Escape(relative));
            json.WriteString("uriBaseId", SourceRootId);
        }
        else
        {
            json.WriteString("uri", span.Path.StartsWith("builtin:", StringComparison.Ordinal) ? span.Path : SourceUris.FileUri(span.Path, options.WorkingDirectory));
        }
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, span.Line));
        json.WriteNumber("startColumn", Math.Max(1, span.StartColumn));
        // Findings are on one line; saying so keeps consumers from guessing the end (multitool SARIF2017).
        json.WriteNumber("endLine", Math.Max(1, span.Line));
        if (span.EndColumn > span.StartColumn)
            json.WriteNumber("endColumn", span.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>SARIF's level for a severity.</summary>
    internal static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>Whether GitHub should treat the policy as a security rule (it is tagged <c>security</c>).</summary>
    internal static bool IsSecurity(PolicyDescriptor descriptor) =>
        descriptor.Tags.Any(t => string.Equals(t, "security", StringComparison.OrdinalIgnoreCase));

    /// <summary>GitHub's security severity (0.1-10; above 9 critical, 7 high, 4 medium, else low) for a severity.</summary>
    internal static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Error => "8.0",
        Severity.Warning => "5.0",
        _ => "2.0",
    };

    private static string BaselineName(BaselineState state) => state switch
    {
        BaselineState.New => "new",
        BaselineState.Unchanged => "unchanged",
        BaselineState.Updated => "updated",
        _ => "absent",
    };

    /// <summary>A rule name in PascalCase from the title (SARIF wants an identifier-like name distinct from the id).</summary>
    internal static string RuleName(PolicyDescriptor descriptor)
    {
        var name = new StringBuilder();
        foreach (var word in descriptor.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters, 1, letters.Length - 1);
        }
        return name.Length == 0 || char.IsDigit(name[0]) ? descriptor.Id.Replace("-", "", StringComparison.Ordinal) + name : name.ToString();
    }

    /// <summary>A write-only stream that only counts bytes: the gzipped size without keeping the bytes.</summary>
    private sealed class CountingStream : Stream
    {
        public override long Length => Position;
        public override long Position { get; set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
    }
}
