using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Engine.Baselines;

/// <summary>
/// Compares a run with a baseline: each finding becomes <see cref="BaselineState.New"/>, <see cref="BaselineState.Unchanged"/>
/// or <see cref="BaselineState.Updated"/> (same fingerprint, another message), and baseline results no finding matches
/// become <see cref="CheckResult.Absent"/>. Matching is by rule id and fingerprint, never by line, so a rule that only
/// moved stays unchanged; when several baseline results share both, the one in the same file is taken first.
/// </summary>
public static class BaselineComparer
{
    /// <summary>Sets <see cref="Finding.BaselineState"/> on every finding of <paramref name="result"/> and fills <see cref="CheckResult.Absent"/>.</summary>
    public static void Apply(CheckResult result, IReadOnlyList<BaselineResult> baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(baseline);
        var remaining = baseline
            .GroupBy(b => (b.RuleId, b.Fingerprint))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var finding in result.Findings)
        {
            if (!remaining.TryGetValue((finding.Id, finding.Fingerprint), out var candidates) || candidates.Count == 0)
            {
                finding.BaselineState = BaselineState.New;
                continue;
            }
            var match = candidates.FirstOrDefault(c => SameFile(c.Uri, finding.Span.Path)) ?? candidates[0];
            candidates.Remove(match);
            finding.BaselineState = string.Equals(match.Message, finding.Message, StringComparison.Ordinal) ? BaselineState.Unchanged : BaselineState.Updated;
        }
        result.Absent = baseline
            .Where(b => remaining.TryGetValue((b.RuleId, b.Fingerprint), out var left) && left.Contains(b))
            .Select(b => new AbsentResult(b.RuleId, b.Fingerprint, b.Message, b.Uri, b.Line))
            .OrderBy(a => a.Path, StringComparer.Ordinal).ThenBy(a => a.Line).ThenBy(a => a.RuleId, StringComparer.Ordinal).ThenBy(a => a.Fingerprint, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A SARIF uri is relative to a source root (or a file: uri) and a finding's path to the working directory: compare by suffix.</summary>
    private static bool SameFile(string uri, string path)
    {
        if (uri.Length == 0)
            return false;
        var a = Uri.UnescapeDataString(uri.StartsWith("file://", StringComparison.Ordinal) ? new Uri(uri).LocalPath : uri).Replace('\\', '/').TrimStart('.', '/');
        var b = path.Replace('\\', '/').TrimStart('.', '/');
        return a.Length > 0 && b.Length > 0 && (a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal));
    }
}
