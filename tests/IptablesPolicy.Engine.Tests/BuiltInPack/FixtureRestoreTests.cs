using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>
/// Every save-format fixture of the built-in pack (<c>.v4</c>, <c>.v6</c>) loads into the real
/// <c>iptables-restore --test</c> (<c>ip6tables-restore</c> for <c>.v6</c>), so fixtures never drift from what
/// iptables accepts. Needs root and the iptables binaries: skipped with the reason elsewhere, failed under CI=true.
/// </summary>
[TestFixture]
public sealed class FixtureRestoreTests
{
    private static IEnumerable<TestCaseData> SaveFixtures() =>
        PackPaths.Fixtures()
            .Where(f => f.EndsWith(".v4", StringComparison.Ordinal) || f.EndsWith(".v6", StringComparison.Ordinal))
            .Select(f => new TestCaseData(f).SetArgDisplayNames(f));

    [TestCaseSource(nameof(SaveFixtures))]
    public void Save_format_fixture_loads_into_iptables_restore_test(string relativePath)
    {
        var program = relativePath.EndsWith(".v6", StringComparison.Ordinal) ? "ip6tables-restore" : "iptables-restore";
        NetfilterTools.Require(program);
        var text = File.ReadAllText(Path.Combine(PackPaths.Policies, relativePath));

        var result = ProcessRunner.Run(program, ["--test"], standardInput: text);

        result.Succeeded.ShouldBeTrue($"{program} --test < policies/{relativePath}: {result}");
    }
}
