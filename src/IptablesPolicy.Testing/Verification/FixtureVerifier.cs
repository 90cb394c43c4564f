using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Testing.Fixtures;

namespace IptablesPolicy.Testing.Verification;

/// <summary>
/// Checks a fixture: runs the policies under test over its snapshots and compares their findings with the
/// expectations, line by line. For the policies under test the match is exact: every expected finding at its
/// line, no other finding of those policies anywhere.
/// </summary>
public static class FixtureVerifier
{
    /// <summary>Checks <paramref name="fixture"/> with the policies of <paramref name="policies"/> it names.</summary>
    /// <param name="fixture">The fixture.</param>
    /// <param name="engine">The engine to run with (its severities are ignored: policies under test always run).</param>
    /// <param name="policies">The loaded policies.</param>
    /// <param name="defaultPolicies">The policies under test when the fixture names none (its folder's policies).</param>
    public static FixtureResult Verify(Fixture fixture, PolicyEngine engine, PolicySet policies, IReadOnlyList<string>? defaultPolicies = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(policies);
        var problems = fixture.Problems.Select(p => p.ToString()).ToList();
        var underTest = fixture.PoliciesUnderTest.Count > 0 ? fixture.PoliciesUnderTest : (defaultPolicies ?? []).Order(StringComparer.Ordinal).ToArray();
        if (underTest.Count == 0)
            problems.Add($"{fixture.Path}:1:1: error: the fixture names no policy under test: add '# test-policies: ID' or an '# expect: ID' line");
        var declared = policies.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in underTest.Where(id => !declared.Contains(id)))
            problems.Add($"{fixture.Path}:1:1: error: no loaded policy declares '{id}'");

        var snapshots = SnapshotReader.ReadText(fixture.Text, fixture.Path);
        // A line the reader flags fails the fixture, unless an expectation stands above it: then the author wrote
        // that line on purpose (a rule iptables-restore --test accepts and the kernel refuses, which the parser
        // also flags, for IPT2006) and the expectation says what must happen there.
        var expectedLines = fixture.Expectations.Select(e => e.TargetLine).ToHashSet();
        foreach (var diagnostic in snapshots.SelectMany(s => s.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error && !expectedLines.Contains(d.Span.Line)))
            problems.Add(diagnostic.ToString());

        var result = engine.Check(policies.Declaring(underTest), snapshots);
        problems.AddRange(result.Faults.Select(f => f.ToString()));
        var wanted = underTest.ToHashSet(StringComparer.Ordinal);
        var findings = result.Findings.Where(f => wanted.Contains(f.Id)).ToArray();
        var mismatches = Compare(fixture, findings, wanted);
        return new FixtureResult(fixture, underTest, findings, mismatches, problems);
    }

    private static List<LineMismatch> Compare(Fixture fixture, IReadOnlyList<Finding> findings, HashSet<string> underTest)
    {
        var lines = fixture.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string TextOf(int line) => line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : "";
        var mismatches = new List<LineMismatch>();
        var expectedByLine = fixture.Expectations.Where(e => underTest.Contains(e.Id)).ToLookup(e => e.TargetLine);
        var foundByLine = findings.ToLookup(f => f.Span.Line);
        var allLines = expectedByLine.Select(g => g.Key).Concat(foundByLine.Select(g => g.Key)).Distinct().Order();
        foreach (var line in allLines)
        {
            var found = foundByLine[line].ToList();
            var expects = expectedByLine[line].Where(e => e.Kind == ExpectationKind.Expect).ToList();
            // Exact matches first, so that a wrong message is only blamed on what is left.
            foreach (var expectation in expects.ToArray())
            {
                var match = found.FirstOrDefault(f => f.Id == expectation.Id && Contains(f, expectation));
                if (match is null)
                    continue;
                found.Remove(match);
                expects.Remove(expectation);
            }
            foreach (var expectation in expects)
            {
                var sameId = found.FirstOrDefault(f => f.Id == expectation.Id);
                if (sameId is not null)
                {
                    found.Remove(sameId);
                    mismatches.Add(new LineMismatch(MismatchKind.WrongMessage, line, TextOf(line), expectation.ToString(), Describe(sameId)));
                }
                else
                {
                    mismatches.Add(new LineMismatch(MismatchKind.Missing, line, TextOf(line), expectation.ToString(), null));
                }
            }
            var forbidden = expectedByLine[line].Where(e => e.Kind == ExpectationKind.Ok).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var finding in found)
            {
                mismatches.Add(forbidden.Contains(finding.Id)
                    ? new LineMismatch(MismatchKind.Forbidden, line, TextOf(line), finding.Id, Describe(finding))
                    : new LineMismatch(MismatchKind.Unexpected, line, TextOf(line), null, Describe(finding)));
            }
        }
        return mismatches;
    }

    private static bool Contains(Finding finding, Expectation expectation) =>
        expectation.MessageSubstring is null || finding.Message.Contains(expectation.MessageSubstring, StringComparison.Ordinal);

    private static string Describe(Finding finding) => $"{finding.Id}: {finding.Message}";
}
