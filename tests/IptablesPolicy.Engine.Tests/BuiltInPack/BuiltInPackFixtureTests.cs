using System.Text;
using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>
/// Runs every fixture of every built-in policy (<c>policies/ID/fixtures/*</c>) through the pack as it ships and
/// checks the findings of the policies under test: each expected finding at its line with its message part, and
/// nothing else.
/// </summary>
[TestFixture]
public sealed class BuiltInPackFixtureTests
{
    private static IEnumerable<TestCaseData> Fixtures() =>
        PackPaths.Fixtures().Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_gets_exactly_the_expected_findings(string relativePath)
    {
        var fixture = Fixture.Read(Path.Combine(PackPaths.Policies, relativePath));
        fixture.PoliciesUnderTest.ShouldNotBeEmpty("a fixture names its policies with '# test-policies:' or '# expect:'");
        foreach (var id in fixture.PoliciesUnderTest)
            Pack.Set.Descriptors.Select(d => d.Id).ShouldContain(id, $"{relativePath} tests {id}, which the pack does not declare");
        var snapshots = fixture.ReadSnapshots();
        snapshots.ShouldNotBeEmpty();
        // No check that the fixture parses without errors: the parser rejects what the kernel refuses (IPT2006's
        // cases) and keeps the rule, which is what those fixtures test.

        var findings = Pack.Check(snapshots).Findings
            .Where(f => fixture.PoliciesUnderTest.Contains(f.Id))
            .GroupBy(f => f.Span.Line)
            .ToDictionary(g => g.Key, g => g.ToList());

        var problems = new StringBuilder();
        foreach (var line in fixture.Expected.Keys.Union(findings.Keys).Union(fixture.OkLines.Keys).Order())
        {
            var expected = fixture.Expected.GetValueOrDefault(line) ?? [];
            var found = findings.GetValueOrDefault(line) ?? [];
            var unmatched = found.ToList();
            var missing = new List<ExpectedFinding>();
            foreach (var expectation in expected)
            {
                var match = unmatched.FirstOrDefault(f => f.Id == expectation.Id
                    && (expectation.MessagePart is null || f.Message.Contains(expectation.MessagePart, StringComparison.Ordinal)));
                if (match is null)
                    missing.Add(expectation);
                else
                    unmatched.Remove(match);
            }
            var okViolations = (fixture.OkLines.GetValueOrDefault(line) ?? []).Where(id => found.Any(f => f.Id == id)).ToList();
            if (missing.Count == 0 && unmatched.Count == 0 && okViolations.Count == 0)
                continue;
            problems.AppendLine($"line {line}: {fixture.Lines[line - 1]}");
            foreach (var m in missing)
                problems.AppendLine($"  expected {m}, not found");
            foreach (var f in unmatched)
                problems.AppendLine($"  unexpected {Describe(f)}");
            foreach (var id in okViolations)
                problems.AppendLine($"  marked '# ok: {id}' but reported");
            foreach (var f in found.Except(unmatched))
                problems.AppendLine($"  (found {Describe(f)})");
        }
        problems.ToString().ShouldBeEmpty();
    }

    [Test]
    public void Every_policy_has_a_reporting_a_clean_and_a_listing_fixture()
    {
        PackPaths.PolicyFolders().ShouldNotBeEmpty();
        var problems = new List<string>();
        foreach (var folder in PackPaths.PolicyFolders())
        {
            var id = Path.GetFileName(folder);
            var fixturesDir = Path.Combine(folder, "fixtures");
            var fixtures = Directory.Exists(fixturesDir) ? Directory.GetFiles(fixturesDir).Select(Fixture.Read).ToArray() : [];
            if (!fixtures.Any(f => f.Expected.Values.Any(e => e.Any(x => x.Id == id))))
                problems.Add($"{id}: no fixture where it reports");
            if (!fixtures.Any(f => f.PoliciesUnderTest.Contains(id) && !f.Expected.Values.Any(e => e.Any(x => x.Id == id))))
                problems.Add($"{id}: no fixture where it must not report");
            if (!fixtures.Any(f => !f.IsSaveFormat && f.PoliciesUnderTest.Contains(id)))
                problems.Add($"{id}: no listing-format fixture");
            if (!File.Exists(Path.Combine(folder, id + ".csx")))
                problems.Add($"{id}: no {id}.csx");
        }
        problems.ShouldBeEmpty();
    }

    [Test]
    public void Every_descriptor_has_help_and_the_folder_it_is_named_after()
    {
        var problems = new List<string>();
        foreach (var descriptor in Pack.Set.Descriptors)
        {
            if (string.IsNullOrWhiteSpace(descriptor.HelpMarkdown))
                problems.Add($"{descriptor.Id}: no help page");
            else
            {
                foreach (var heading in new[] { "## What it checks", "## Why it matters", "## How to fix", "## How to suppress" })
                {
                    if (!descriptor.HelpMarkdown.Contains(heading, StringComparison.Ordinal))
                        problems.Add($"{descriptor.Id}: help page has no '{heading}'");
                }
            }
            if (!Directory.Exists(Path.Combine(PackPaths.Policies, descriptor.Id)))
                problems.Add($"{descriptor.Id}: no folder policies/{descriptor.Id}");
        }
        problems.ShouldBeEmpty();
    }

    private static string Describe(Finding f) => $"{f.Id} \"{f.Message}\"{(f.RuleText is null ? "" : $" at {f.RuleText}")}";
}
