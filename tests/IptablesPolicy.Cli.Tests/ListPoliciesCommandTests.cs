using System.Text.Json;

namespace IptablesPolicy.Cli.Tests;

[TestFixture]
public sealed class ListPoliciesCommandTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "iptables-policy-list-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "acme.csx"), """
            var a = new PolicyDescriptor("ACME002", "Second", "m", "Hygiene", Severity.Note, isEnabledByDefault: false, tags: ["hygiene"]);
            var b = new PolicyDescriptor("ACME001", "First", "chain {0}", "Security", Severity.Error, helpUri: "https://example.com/1");
            throw new Exception("list-policies never runs a policy");
            """);
        File.WriteAllText(Path.Combine(folder, "ACME001.md"), "Help for ACME001.");
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private (int ExitCode, string Output, string Error) List(params string[] arguments) =>
        CliRunner.Run(["list-policies", "--no-builtin", "--cache-dir", Path.Combine(folder, "cache"), "--policies", folder, .. arguments]);

    [Test]
    public void Text_lists_each_descriptor_sorted_by_id()
    {
        var (exitCode, output, error) = List();

        exitCode.ShouldBe(0, error);
        var policy = Path.Combine(folder, "acme.csx");
        output.ShouldBe($"""
            ACME001  error    Security  First  [{policy}]
            ACME002  off      Hygiene   Second (disabled by default; note when turned on)  [{policy}]
            2 policies

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void Text_shows_the_severity_the_configuration_gives_and_why()
    {
        var config = Path.Combine(folder, "team.json");
        File.WriteAllText(config, """{ "severity": { "ids": { "ACME002": "warning" } }, "disabled": ["ACME001"] }""");

        var (exitCode, output, error) = List("--config", config);

        exitCode.ShouldBe(0, error);
        var policy = Path.Combine(folder, "acme.csx");
        output.ShouldBe($"""
            ACME001  off      Security  First (turned off by team.json)  [{policy}]
            ACME002  warning  Hygiene   Second (turned on by team.json; disabled by default)  [{policy}]
            2 policies

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void Text_says_when_the_configuration_changes_a_severity()
    {
        var config = Path.Combine(folder, "team.json");
        File.WriteAllText(config, """{ "severity": { "categories": { "Security": "warning" } } }""");

        var (exitCode, output, error) = List("--config", config);

        exitCode.ShouldBe(0, error);
        output.ShouldContain("ACME001  warning  Security  First (set by team.json; error by default)  [");
        output.ShouldContain("ACME002  off      Hygiene   Second (disabled by default; note when turned on)  [");
    }

    [Test]
    public void The_configuration_adds_its_policies_when_none_are_given()
    {
        var config = Path.Combine(folder, "team.json");
        File.WriteAllText(config, $$"""{ "policies": [{{JsonSerializer.Serialize(Path.Combine(folder, "*.csx"))}}], "noBuiltin": true }""");

        var (exitCode, output, error) = CliRunner.Run(["list-policies", "--cache-dir", Path.Combine(folder, "cache"), "--config", config]);

        exitCode.ShouldBe(0, error);
        output.ShouldStartWith("ACME001  error    Security  First  [");
        output.ShouldEndWith("2 policies\n");
    }

    [Test]
    public void A_configuration_the_schema_refuses_stops_the_listing_with_exit_code_2()
    {
        var config = Path.Combine(folder, "team.json");
        File.WriteAllText(config, """{ "disabled": "ACME001" }""");

        var (exitCode, output, error) = List("--config", config);

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("team.json");
    }

    [Test]
    public void Json_has_every_descriptor_field_and_the_help_file()
    {
        var (exitCode, output, error) = List("--format", "json");

        exitCode.ShouldBe(0, error);
        using var document = JsonDocument.Parse(output);
        var policies = document.RootElement.GetProperty("policies");
        policies.GetArrayLength().ShouldBe(2);
        var first = policies[0];
        first.GetProperty("id").GetString().ShouldBe("ACME001");
        first.GetProperty("messageFormat").GetString().ShouldBe("chain {0}");
        first.GetProperty("defaultSeverity").GetString().ShouldBe("error");
        first.GetProperty("enabledByDefault").GetBoolean().ShouldBeTrue();
        first.GetProperty("severity").GetString().ShouldBe("error");
        policies[1].GetProperty("severity").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("helpUri").GetString().ShouldBe("https://example.com/1");
        first.GetProperty("help").GetString().ShouldBe("Help for ACME001.");
        policies[1].GetProperty("tags")[0].GetString().ShouldBe("hygiene");
        policies[1].GetProperty("enabledByDefault").GetBoolean().ShouldBeFalse();
    }
}
