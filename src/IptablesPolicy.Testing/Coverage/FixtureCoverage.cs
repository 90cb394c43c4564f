using IptablesPolicy.Engine;
using IptablesPolicy.Testing.Fixtures;
using IptablesPolicy.Testing.Verification;

namespace IptablesPolicy.Testing.Coverage;

/// <summary>
/// Which policies the fixtures leave untested, like <c>opa test --coverage</c>: every id needs a fixture where it
/// reports (an <c># expect:</c> of it) and one where it does not (a fixture that tests it with no <c># expect:</c>
/// of it, or with an <c># ok:</c> of it).
/// </summary>
public static class FixtureCoverage
{
    /// <summary>The gaps of <paramref name="policies"/> over the fixtures that were run, sorted by id.</summary>
    public static IReadOnlyList<CoverageGap> Find(PolicySet policies, IReadOnlyList<FixtureResult> results)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(results);
        var gaps = new List<CoverageGap>();
        foreach (var policy in policies.Policies)
        {
            foreach (var descriptor in policy.Descriptors)
            {
                var id = descriptor.Id;
                var testing = results.Where(r => r.PoliciesUnderTest.Contains(id, StringComparer.Ordinal)).ToArray();
                var path = policy.Source.DisplayPath;
                if (testing.Length == 0)
                {
                    gaps.Add(new CoverageGap(id, path, "no fixture tests it"));
                    continue;
                }
                if (!testing.Any(r => Expects(r.Fixture, id, ExpectationKind.Expect)))
                    gaps.Add(new CoverageGap(id, path, "no fixture where it reports (an '# expect: " + id + "' line)"));
                if (!testing.Any(r => !Expects(r.Fixture, id, ExpectationKind.Expect) || Expects(r.Fixture, id, ExpectationKind.Ok)))
                    gaps.Add(new CoverageGap(id, path, "no fixture where it must not report (one without '# expect: " + id + "', or with '# ok: " + id + "')"));
            }
        }
        return gaps.OrderBy(g => g.Id, StringComparer.Ordinal).ThenBy(g => g.Message, StringComparer.Ordinal).ToArray();
    }

    private static bool Expects(Fixture fixture, string id, ExpectationKind kind) =>
        fixture.Expectations.Any(e => e.Kind == kind && e.Id == id);
}
