using System.Globalization;
using System.Text;
using System.Xml;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Reporting;

/// <summary>
/// Writes a check as JUnit XML (the Ant schema Jenkins, GitLab, Azure DevOps and GitHub test reporters read):
/// a <c>testsuite</c> per policy, a <c>testcase</c> per (policy, snapshot) that fails with every finding of that
/// policy in that snapshot, is <c>skipped</c> when all the policy's descriptors are disabled, and is an
/// <c>error</c> when the policy faulted. Suppressed findings are left out (the test passes). The schema requires
/// a timestamp and a host name: they are fixed (<c>1970-01-01T00:00:00</c>, <c>iptables-policy</c>) so the same
/// input gives the same bytes.
/// </summary>
public static class JUnitWriter
{
    private const string Timestamp = "1970-01-01T00:00:00";

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/> as UTF-8.</summary>
    public static void Write(CheckResult result, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        var id = 0;
        foreach (var suite in Suites(result, options))
            WriteSuite(xml, suite, id++);
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        output.WriteByte((byte)'\n');
    }

    private sealed record Case(string Snapshot, string Outcome, string? Message, string? Type, string? Text);

    private sealed record Suite(string Name, string ClassName, IReadOnlyList<string> Ids, IReadOnlyList<Case> Cases);

    private static IEnumerable<Suite> Suites(CheckResult result, ReportOptions options)
    {
        var snapshots = result.Snapshots;
        // A file of pasted notes gives several snapshots with one path: their start lines tell them apart.
        var repeated = snapshots.GroupBy(s => s.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        string NameOf(Snapshot s) => repeated.Contains(s.Path) ? string.Create(CultureInfo.InvariantCulture, $"{s.Path}:{s.StartLine}") : s.Path;
        var findings = result.Findings.Where(f => f.Suppression is null).ToLookup(f => (f.PolicyPath, f.Snapshot));
        var faults = result.Faults.ToLookup(f => f.PolicyPath, StringComparer.Ordinal);
        var suites = new List<Suite>();
        foreach (var policy in result.Policies.Policies)
        {
            var path = policy.Source.DisplayPath;
            var ids = policy.Descriptors.Select(d => d.Id).ToArray();
            var disabled = policy.Descriptors.All(d => options.SeverityOf(d) is null);
            var cases = snapshots.Select(snapshot =>
            {
                var name = NameOf(snapshot);
                var fault = faults[path].Where(f => f.SnapshotPath == snapshot.Path || f.SnapshotPath is null).ToArray();
                if (fault.Length > 0)
                    return ErrorCase(name, fault);
                if (disabled)
                    return new Case(name, "skipped", "the policy is disabled", null, null);
                var found = findings[(path, snapshot)].ToArray();
                return found.Length == 0 ? new Case(name, "passed", null, null, null) : FailureCase(name, found);
            }).ToArray();
            suites.Add(new Suite(path, ClassName(ids, path), ids, cases));
        }
        // A policy that did not load has no descriptors to name, but its tests still errored on every snapshot.
        foreach (var group in faults.Where(g => result.Policies.Policies.All(p => p.Source.DisplayPath != g.Key)))
            suites.Add(new Suite(group.Key, ClassName([], group.Key), [], snapshots.Select(s => ErrorCase(NameOf(s), group.ToArray())).ToArray()));
        return suites.OrderBy(s => s.Name, StringComparer.Ordinal);
    }

    private static Case ErrorCase(string snapshot, IReadOnlyList<PolicyFault> faults) =>
        new(snapshot, "error", $"{faults[0].Id}: {faults[0].Message}", faults[0].Id, string.Join('\n', faults.Select(f => f.ToString())));

    private static Case FailureCase(string snapshot, IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            text.Append(CultureInfo.InvariantCulture, $"{finding.Span.Path}:{finding.Span.Line}:{finding.Span.StartColumn}: {TextReport.SeverityName(finding.Severity)} {finding.Id}: {finding.Message}\n");
            if (finding.RuleText is { } rule)
                text.Append(CultureInfo.InvariantCulture, $"    {rule}\n");
            text.Append(CultureInfo.InvariantCulture, $"    ({finding.Descriptor.Title}{(finding.Descriptor.HelpUri is null ? "" : "; " + finding.Descriptor.HelpUri)})\n");
        }
        var worst = findings.Max(f => f.Severity);
        var message = findings.Count == 1 ? $"{findings[0].Id}: {findings[0].Message}" : $"{findings.Count} findings; first: {findings[0].Id}: {findings[0].Message}";
        return new Case(snapshot, "failure", message, TextReport.SeverityName(worst), text.ToString());
    }

    private static string ClassName(IReadOnlyList<string> ids, string path) =>
        ids.Count > 0 ? "iptables-policy." + string.Join('.', ids) : "iptables-policy." + Path.GetFileNameWithoutExtension(path);

    private static void WriteSuite(XmlWriter xml, Suite suite, int id)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", suite.Name);
        xml.WriteAttributeString("package", suite.ClassName);
        xml.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("timestamp", Timestamp);
        xml.WriteAttributeString("hostname", ToolInfo.Name);
        xml.WriteAttributeString("tests", Count(suite.Cases.Count));
        xml.WriteAttributeString("failures", Count(suite.Cases.Count(c => c.Outcome == "failure")));
        xml.WriteAttributeString("errors", Count(suite.Cases.Count(c => c.Outcome == "error")));
        xml.WriteAttributeString("skipped", Count(suite.Cases.Count(c => c.Outcome == "skipped")));
        xml.WriteAttributeString("time", "0");
        xml.WriteStartElement("properties");
        WriteProperty(xml, "policy", suite.Name);
        if (suite.Ids.Count > 0)
            WriteProperty(xml, "ids", string.Join(' ', suite.Ids));
        xml.WriteEndElement();
        foreach (var testCase in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", Clean(testCase.Snapshot));
            xml.WriteAttributeString("classname", suite.ClassName);
            xml.WriteAttributeString("time", "0");
            if (testCase.Outcome != "passed")
            {
                xml.WriteStartElement(testCase.Outcome);
                if (testCase.Message is not null)
                    xml.WriteAttributeString("message", Clean(testCase.Message));
                if (testCase.Type is not null)
                    xml.WriteAttributeString("type", testCase.Type);
                if (testCase.Text is not null)
                    xml.WriteString(Clean(testCase.Text));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteElementString("system-out", "");
        xml.WriteElementString("system-err", "");
        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters, even escaped: they become U+FFFD.</summary>
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD').ToArray());
}
