using System.Globalization;
using System.Text;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Reporting;

/// <summary>
/// Writes a check as JUnit XML (the Ant schema Jenkins, GitLab, Azure DevOps and GitHub test reporters read):
/// a <c>testsuite</c> per policy, a <c>testcase</c> per (policy, snapshot) that fails with every finding of that
/// policy in that snapshot, is <c>skipped</c> when all the policy's descriptors are disabled, and is an
/// <c>error</c> when the policy faulted. Suppressed findings are left out (the test passes). The XML itself is
/// <see cref="JUnitDocument"/>'s.
/// </summary>
public static class JUnitWriter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/> as UTF-8.</summary>
    public static void Write(CheckResult result, ReportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        JUnitDocument.Write(Suites(result, options), output);
    }

    private static IEnumerable<JUnitSuite> Suites(CheckResult result, ReportOptions options)
    {
        var snapshots = result.Snapshots;
        // A file of pasted notes gives several snapshots with one path: their start lines tell them apart.
        var repeated = snapshots.GroupBy(s => s.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        string NameOf(Snapshot s) => repeated.Contains(s.Path) ? string.Create(CultureInfo.InvariantCulture, $"{s.Path}:{s.StartLine}") : s.Path;
        var findings = result.Findings.Where(f => f.Suppression is null).ToLookup(f => (f.PolicyPath, f.Snapshot));
        var faults = result.Faults.ToLookup(f => f.PolicyPath, StringComparer.Ordinal);
        var suites = new List<JUnitSuite>();
        foreach (var policy in result.Policies.Policies)
        {
            var path = policy.Source.DisplayPath;
            var ids = policy.Descriptors.Select(d => d.Id).ToArray();
            var disabled = policy.Descriptors.All(d => options.SeverityOf(d) is null);
            var className = ClassName(ids, path);
            var cases = snapshots.Select(snapshot =>
            {
                var name = NameOf(snapshot);
                var fault = faults[path].Where(f => f.SnapshotPath == snapshot.Path || f.SnapshotPath is null).ToArray();
                if (fault.Length > 0)
                    return ErrorCase(name, className, fault);
                if (disabled)
                    return new JUnitCase(name, className, JUnitOutcome.Skipped, "the policy is disabled");
                var found = findings[(path, snapshot)].ToArray();
                return found.Length == 0 ? new JUnitCase(name, className, JUnitOutcome.Passed) : FailureCase(name, className, found);
            }).ToArray();
            suites.Add(new JUnitSuite(path, className, Properties(path, ids), cases));
        }
        // A policy that did not load has no descriptors to name, but its tests still errored on every snapshot.
        foreach (var group in faults.Where(g => result.Policies.Policies.All(p => p.Source.DisplayPath != g.Key)))
        {
            var className = ClassName([], group.Key);
            suites.Add(new JUnitSuite(group.Key, className, Properties(group.Key, []), snapshots.Select(s => ErrorCase(NameOf(s), className, group.ToArray())).ToArray()));
        }
        return suites.OrderBy(s => s.Name, StringComparer.Ordinal);
    }

    private static KeyValuePair<string, string>[] Properties(string policy, IReadOnlyList<string> ids) =>
        ids.Count == 0 ? [new("policy", policy)] : [new("policy", policy), new("ids", string.Join(' ', ids))];

    private static JUnitCase ErrorCase(string snapshot, string className, IReadOnlyList<PolicyFault> faults) =>
        new(snapshot, className, JUnitOutcome.Error, $"{faults[0].Id}: {faults[0].Message}", faults[0].Id, string.Join('\n', faults.Select(f => f.ToString())));

    private static JUnitCase FailureCase(string snapshot, string className, IReadOnlyList<Finding> findings)
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
        return new JUnitCase(snapshot, className, JUnitOutcome.Failure, message, TextReport.SeverityName(worst), text.ToString());
    }

    private static string ClassName(IReadOnlyList<string> ids, string path) =>
        ids.Count > 0 ? "iptables-policy." + string.Join('.', ids) : "iptables-policy." + Path.GetFileNameWithoutExtension(path);
}
