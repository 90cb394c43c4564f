using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Cli.Tests;

[TestFixture]
public sealed class TestCommandTests
{
    private string folder = "";

    private const string Telnet = """
        var telnet = new PolicyDescriptor("ACME023", "Telnet rule", "rule in {0} handles telnet", "Security", Severity.Error);
        foreach (var rule in Rules.Where(r => r.Match<PortMatch>()?.DestinationPorts is { IsNegated: false, Value.First: 23 }))
            Report(telnet, rule, rule.Chain.Name);
        """;

    private const string Reports = "*filter\n:INPUT ACCEPT [0:0]\n# expect: ACME023 \"INPUT\"\n-A INPUT -p tcp -m tcp --dport 23 -j DROP\nCOMMIT\n";
    private const string Clean = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n";

    [SetUp]
    public void CreateLayout()
    {
        folder = Path.Combine(Path.GetTempPath(), "iptables-policy-test-command", Guid.NewGuid().ToString("N"));
        Write("policies/ACME023/ACME023.csx", Telnet);
        Write("policies/ACME023/fixtures/reports.v4", Reports);
        Write("policies/ACME023/fixtures/clean.v4", Clean);
    }

    [TearDown]
    public void DeleteLayout() => Directory.Delete(folder, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private (int ExitCode, string Output, string Error) Test(params string[] arguments) =>
        CliRunner.Run(["test", "--no-builtin", "--cache-dir", Path.Combine(folder, ".cache"), .. arguments]);

    private string Policies => Path.Combine(folder, "policies");

    [Test]
    public void A_policy_folder_runs_each_fixture_against_the_policies_beside_it()
    {
        var (exitCode, output, error) = Test(Policies);

        exitCode.ShouldBe(0, output + error);
        output.ShouldContain($"PASS {Policies}/ACME023/fixtures/clean.v4 (policies under test: ACME023)");
        output.ShouldContain($"PASS {Policies}/ACME023/fixtures/reports.v4 (policies under test: ACME023)");
        output.ShouldEndWith("2 fixtures: 2 passed, 0 failed; 0 coverage gaps\n");
    }

    [Test]
    public void A_failing_fixture_prints_the_difference_and_exits_1()
    {
        Write("policies/ACME023/fixtures/wrong.v4", "*filter\n:INPUT ACCEPT [0:0]\n# expect: ACME023\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 23 -j DROP\nCOMMIT\n");

        var (exitCode, output, _) = Test(Policies);

        exitCode.ShouldBe(1);
        output.ShouldContain($"""
            FAIL {Policies}/ACME023/fixtures/wrong.v4 (policies under test: ACME023)
              {Policies}/ACME023/fixtures/wrong.v4:4: expected ACME023, found nothing
                  -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
              {Policies}/ACME023/fixtures/wrong.v4:5: unexpected ACME023: rule in INPUT handles telnet
                  -A INPUT -p tcp -m tcp --dport 23 -j DROP
            """.ReplaceLineEndings("\n"));
        output.ShouldEndWith("3 fixtures: 2 passed, 1 failed; 0 coverage gaps\n");
    }

    [Test]
    public void Coverage_gaps_are_warnings_and_failures_with_require_coverage()
    {
        File.Delete(Path.Combine(Policies, "ACME023", "fixtures", "clean.v4"));

        var warned = Test(Policies);
        var required = Test(Policies, "--require-coverage");

        warned.ExitCode.ShouldBe(0);
        warned.Output.ShouldContain($"warning: {Policies}/ACME023/ACME023.csx: ACME023: no fixture where it must not report (one without '# expect: ACME023', or with '# ok: ACME023')");
        required.ExitCode.ShouldBe(1);
        required.Output.ShouldContain("error: ");
    }

    [Test]
    public void A_policy_without_fixtures_is_a_coverage_gap()
    {
        Write("policies/ACME024/ACME024.csx", "Report(Snapshot, \"x\");");

        var (_, output, _) = Test(Policies);

        output.ShouldContain($"warning: {Policies}/ACME024/ACME024.csx: ACME024: no fixture tests it");
    }

    [Test]
    public void A_single_fixture_file_with_policies_given_by_glob()
    {
        var (exitCode, output, error) = Test(Path.Combine(Policies, "ACME023", "fixtures", "reports.v4"), "--policies", Path.Combine(Policies, "**", "*.csx"));

        exitCode.ShouldBe(0, output + error);
        output.ShouldContain("1 fixture: 1 passed, 0 failed");
    }

    [Test]
    public void A_fixture_that_does_not_exist_is_named()
    {
        var (exitCode, _, error) = Test(Path.Combine(folder, "nope.v4"), "--policies", Policies);

        exitCode.ShouldBe(3);
        error.ShouldContain("nope.v4: error: no such fixture, folder, or file matching it");
    }

    [Test]
    public void JUnit_output_validates_against_the_schema_and_carries_the_failure()
    {
        Prerequisites.Require(ProcessRunner.Find("xmllint") is not null, "xmllint not found (apt-get install libxml2-utils)");
        Prerequisites.Require(File.Exists(Path.Combine(RepositoryPaths.Schemas, "JUnit.xsd")), $"JUnit.xsd not found in {RepositoryPaths.Schemas}");
        Write("policies/ACME023/fixtures/wrong.v4", "*filter\n:INPUT ACCEPT [0:0]\n# expect: ACME023\n-A INPUT -j ACCEPT\nCOMMIT\n");
        var junit = Path.Combine(folder, "fixtures.xml");

        Test(Policies, "--junit", junit, "--require-coverage");
        var first = File.ReadAllBytes(junit);
        Test(Policies, "--junit", junit, "--require-coverage");

        var validation = ProcessRunner.Run("xmllint", ["--noout", "--schema", Path.Combine(RepositoryPaths.Schemas, "JUnit.xsd"), junit]);
        validation.ExitCode.ShouldBe(0, validation.ToString());
        var xml = File.ReadAllText(junit);
        xml.ShouldContain("tests=\"3\" failures=\"1\"");
        xml.ShouldContain("expected ACME023, found nothing");
        File.ReadAllBytes(junit).ShouldBe(first);
    }

    [Test]
    public void The_built_in_pack_passes_its_fixtures_with_every_policy_covered()
    {
        var pack = Path.Combine(CliRunner.RepositoryRoot, "policies");

        var (exitCode, output, error) = CliRunner.Run("test", pack, "--require-coverage", "--cache-dir", Path.Combine(folder, ".cache"));

        exitCode.ShouldBe(0, output + error);
        output.ShouldNotContain("FAIL ");
        output.ShouldMatch(@"\d+ fixtures: \d+ passed, 0 failed; 0 coverage gaps\n$");
        // Every policy of the pack is tested from its working copy, none from the shipped one twice.
        error.ShouldNotContain("IPP0004");
    }

    [Test]
    public void A_JUnit_file_that_cannot_be_written_is_named_with_exit_code_2()
    {
        var junit = Path.Combine(folder, "no-such-folder", "fixtures.xml");

        var (exitCode, output, error) = Test(Policies, "--junit", junit);

        exitCode.ShouldBe(2);
        error.ShouldContain($"{junit}: error: cannot write the JUnit file");
        output.ShouldContain("2 fixtures: 2 passed, 0 failed");
        error.ShouldNotContain("   at ");
    }
}
