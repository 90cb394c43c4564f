using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Reporting;

/// <summary>
/// The findings a size-limited output (SARIF, annotations) carries: all of them up to the limit; above it, the
/// first finding of every policy, then the most severe, in output order. What was left out is counted per policy.
/// </summary>
/// <param name="Kept">The findings kept, in their original order.</param>
/// <param name="Total">How many there were before the cut.</param>
/// <param name="OmittedByRule">How many were left out, per policy id, sorted by id.</param>
/// <param name="Limit">The limit applied.</param>
public sealed record ResultSelection(IReadOnlyList<Finding> Kept, int Total, IReadOnlyList<KeyValuePair<string, int>> OmittedByRule, int Limit)
{
    /// <summary>Whether anything was left out.</summary>
    public bool IsCut => Kept.Count < Total;

    /// <summary>Keeps at most <paramref name="limit"/> of <paramref name="findings"/> (already in output order).</summary>
    public static ResultSelection Select(IReadOnlyList<Finding> findings, int limit)
    {
        ArgumentNullException.ThrowIfNull(findings);
        limit = Math.Max(0, limit);
        if (findings.Count <= limit)
            return new ResultSelection(findings, findings.Count, [], limit);
        var indexed = findings.Select((finding, index) => (finding, index)).ToArray();
        // Every policy's first finding says the problem exists; the most severe say what matters most.
        var firstPerRule = indexed.GroupBy(x => x.finding.Id, StringComparer.Ordinal).Select(g => g.First());
        var bySeverity = indexed.OrderByDescending(x => x.finding.Severity).ThenBy(x => x.index);
        var chosen = new HashSet<int>();
        foreach (var (_, index) in firstPerRule.OrderByDescending(x => x.finding.Severity).ThenBy(x => x.index).Concat(bySeverity))
        {
            if (chosen.Count == limit)
                break;
            chosen.Add(index);
        }
        var kept = indexed.Where(x => chosen.Contains(x.index)).Select(x => x.finding).ToArray();
        var omitted = indexed.Where(x => !chosen.Contains(x.index))
            .GroupBy(x => x.finding.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .ToArray();
        return new ResultSelection(kept, findings.Count, omitted, limit);
    }

    /// <summary>One sentence for people: how many were kept and what was left out.</summary>
    public string Describe(string output) =>
        $"{output}: {Kept.Count} of {Total} results written (above --max-results {Limit}, the first of each policy and then the most severe are kept); left out: "
        + string.Join(", ", OmittedByRule.Select(o => $"{o.Key} ({o.Value})"));
}
