using IptablesPolicy.Reporting;
using IptablesPolicy.Testing.Coverage;
using IptablesPolicy.Testing.Verification;

namespace IptablesPolicy.Cli.Output;

/// <summary>
/// What <c>test --junit</c> writes: one suite per policy folder, one case per fixture failing with its readable
/// report, and, when coverage is required, one failing case per coverage gap (suite <c>coverage</c>).
/// </summary>
internal static class FixtureJUnit
{
    private const string Package = "iptables-policy.test";

    public static IEnumerable<JUnitSuite> Suites(IReadOnlyList<FixtureResult> results, IReadOnlyList<CoverageGap> gaps) =>
        results.Select(r => (Suite: SuiteOf(r.Fixture.Path), Name: r.Fixture.Path, Failure: r.Passed ? null : r.Describe()))
            .Concat(gaps.Select(g => (Suite: "coverage", Name: $"{g.Id} coverage", Failure: (string?)g.ToString())))
            .GroupBy(c => c.Suite, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new JUnitSuite(g.Key, Package, [], g
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => c.Failure is null
                    ? new JUnitCase(c.Name, g.Key, JUnitOutcome.Passed)
                    : new JUnitCase(c.Name, g.Key, JUnitOutcome.Failure, c.Failure.Split('\n')[0], "fixture", c.Failure))
                .ToArray()));

    // policies/IPT1102/fixtures/reports.v4 -> policies/IPT1102
    private static string SuiteOf(string fixturePath)
    {
        var normalized = fixturePath.Replace('\\', '/');
        var at = normalized.LastIndexOf("/fixtures/", StringComparison.Ordinal);
        var folder = at >= 0 ? normalized[..at] : Path.GetDirectoryName(normalized)?.Replace('\\', '/');
        return string.IsNullOrEmpty(folder) ? "fixtures" : folder;
    }
}
