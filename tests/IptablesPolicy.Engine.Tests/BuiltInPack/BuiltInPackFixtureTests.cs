using IptablesPolicy.Testing.Fixtures;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>
/// Runs every fixture of every built-in policy (<c>policies/ID/fixtures/*</c>) through the pack as it ships, with
/// the fixture verifier of <c>IptablesPolicy.Testing</c> (what <c>iptables-policy test policies/</c> runs): each
/// expected finding of the policies under test at its line with its message part, and nothing else.
/// </summary>
[TestFixture]
public sealed class BuiltInPackFixtureTests
{
    private static IEnumerable<TestCaseData> Fixtures() =>
        PackPaths.Fixtures().Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_gets_exactly_the_expected_findings(string relativePath) =>
        Pack.Tester.VerifyFixture(Path.Combine(PackPaths.Policies, relativePath)).ThrowIfFailed();

    [Test]
    public void Every_policy_has_a_reporting_a_clean_and_a_listing_fixture()
    {
        PackPaths.PolicyFolders().ShouldNotBeEmpty();
        var problems = new List<string>();
        foreach (var folder in PackPaths.PolicyFolders())
        {
            var id = Path.GetFileName(folder);
            var fixturesDir = Path.Combine(folder, "fixtures");
            var fixtures = Directory.Exists(fixturesDir) ? Directory.GetFiles(fixturesDir).Select(Fixture.Load).ToArray() : [];
            bool Reports(Fixture f) => f.Expectations.Any(e => e.Kind == ExpectationKind.Expect && e.Id == id);
            if (!fixtures.Any(Reports))
                problems.Add($"{id}: no fixture where it reports");
            if (!fixtures.Any(f => f.PoliciesUnderTest.Contains(id) && !Reports(f)))
                problems.Add($"{id}: no fixture where it must not report");
            if (!fixtures.Any(f => Path.GetExtension(f.Path) is not (".v4" or ".v6") && f.PoliciesUnderTest.Contains(id)))
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

}
