using System.Text.Json.Nodes;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Cli.Tests;

/// <summary><c>check</c> with a configuration file, suppressions and a baseline, end to end.</summary>
[TestFixture]
public sealed class ConfigurationCommandTests
{
    private const string Telnet = """
        var telnet = new PolicyDescriptor("IPT1102", "Telnet", "telnet open from {0}", "Exposure", Severity.Warning);
        foreach (var rule in Rules.Where(r => r.Text.Contains("--dport 23")))
            Report(telnet, rule, rule.Source?.ToString() ?? "anywhere");
        """;

    private const string Rules = """
        *filter
        :INPUT ACCEPT [0:0]
        -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
        COMMIT

        """;

    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "iptables-policy-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        File.WriteAllText(Path.Combine(folder, "policies", "IPT1102.csx"), Telnet);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (int ExitCode, string Output, string Error) Check(params string[] arguments) =>
        CliRunner.Run(["check", "--no-builtin", "--cache-dir", Path.Combine(folder, "cache"), .. arguments]);

    private string Config(string json) => Write("iptables-policy.json", json);

    [Test]
    public void An_unknown_property_exits_2_naming_the_json_path_and_the_line()
    {
        var config = Config("{\n  \"policies\": [\"policies/*.csx\"],\n  \"failLevl\": \"warning\"\n}\n");

        var (exitCode, output, error) = Check("--config", config, Write("rules.v4", Rules));

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldBe($"{config}:3: error: $.failLevl: unknown property 'failLevl'\n".ReplaceLineEndings());
    }

    [Test]
    public void A_wrong_type_exits_2_naming_the_json_path_and_the_line()
    {
        var config = Config("{\n  \"policies\": [\"policies/*.csx\"],\n  \"noBuiltin\": \"yes\"\n}\n");

        var (exitCode, _, error) = Check("--config", config, Write("rules.v4", Rules));

        exitCode.ShouldBe(2);
        error.ShouldStartWith($"{config}:3: error: $.noBuiltin: ");
    }

    [Test]
    public void A_missing_configuration_file_exits_2() =>
        Check("--config", Path.Combine(folder, "nope.json"), Write("rules.v4", Rules)).ExitCode.ShouldBe(2);

    [Test]
    public void The_configuration_gives_policies_snapshots_severity_and_fail_level()
    {
        Write("rules.v4", Rules);
        var config = Config("""
            {
              "policies": ["policies/*.csx"],
              "snapshots": ["*.v4"],
              "severity": { "ids": { "IPT1102": "error" }, "categories": { "Exposure": "note" } }
            }
            """);

        var (exitCode, output, error) = Check("--config", config);

        exitCode.ShouldBe(1, error);
        output.ShouldContain(": error IPT1102: telnet open from 10.0.0.5/32");
    }

    [Test]
    public void Command_line_options_override_the_configuration()
    {
        var config = Config("""{ "policies": ["policies/*.csx"], "failLevel": "warning" }""");
        var rules = Write("rules.v4", Rules);

        Check("--config", config, rules).ExitCode.ShouldBe(1);
        Check("--config", config, rules, "--fail-level", "error").ExitCode.ShouldBe(0);
    }

    [Test]
    public void The_configuration_in_the_working_directory_is_found()
    {
        Config("""{ "policies": ["policies/*.csx"], "snapshots": ["rules.v4"], "severity": { "ids": { "IPT1102": "error" } } }""");
        Write("rules.v4", Rules);
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder);
        try
        {
            var (exitCode, output, error) = Check();

            exitCode.ShouldBe(1, error);
            output.ShouldStartWith("rules.v4:3:1: error IPT1102: ");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Test]
    public void A_disabled_policy_does_not_run()
    {
        var config = Config("""{ "policies": ["policies/*.csx"], "disabled": ["IPT1102"] }""");

        var (exitCode, output, _) = Check("--config", config, Write("rules.v4", Rules), "--fail-level", "note");

        exitCode.ShouldBe(0);
        output.ShouldStartWith("0 findings");
    }

    [Test]
    public void Suppressed_findings_never_fail_the_run_config_inline_and_rule_comment()
    {
        var config = Config("""
            {
              "policies": ["policies/*.csx"],
              "failLevel": "note",
              "suppressions": [ { "policy": "IPT1102", "snapshots": "*.v4", "rule": "10\\.0\\.0\\.5", "justification": "lab switch" } ]
            }
            """);
        var rules = Write("rules.v4", """
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
            # iptables-policy: disable IPT1102 -- the console server only speaks telnet
            -A INPUT -s 10.0.0.6/32 -p tcp -m tcp --dport 23 -j ACCEPT
            -A INPUT -s 10.0.0.7/32 -p tcp -m tcp --dport 23 -m comment --comment "iptables-policy: disable IPT1102 -- PDU, OPS-42" -j ACCEPT
            COMMIT

            """);

        var (exitCode, output, error) = Check("--config", config, rules);

        exitCode.ShouldBe(0, output + error);
        output.ShouldStartWith("0 findings (0 errors, 0 warnings, 0 notes) in 1 snapshot from 1 policy");
        output.ShouldContain("; 3 suppressed");
        error.ShouldBeEmpty();
    }

    [Test]
    public void An_expired_suppression_fails_the_run_again_and_says_so()
    {
        var config = Config("""
            {
              "policies": ["policies/*.csx"],
              "failLevel": "warning",
              "suppressions": [ { "policy": "IPT1102", "justification": "until the migration", "expires": "2020-01-31" } ]
            }
            """);

        var (exitCode, _, error) = Check("--config", config, Write("rules.v4", Rules));

        exitCode.ShouldBe(1);
        error.ShouldContain($"{config}:4: note: the suppression of IPT1102 expired on 2020-01-31 and no longer applies (1 finding counts again)");
    }

    [Test]
    public void An_inline_suppression_without_justification_is_a_warning_and_does_not_apply()
    {
        var rules = Write("rules.v4", "*filter\n:INPUT ACCEPT [0:0]\n# iptables-policy: disable IPT1102\n-A INPUT -p tcp -m tcp --dport 23 -j ACCEPT\nCOMMIT\n");

        var (exitCode, _, error) = Check("--policies", Path.Combine(folder, "policies"), rules, "--fail-level", "warning");

        exitCode.ShouldBe(1);
        error.ShouldContain("rules.v4:3: warning: the suppression of IPT1102 gives no justification");
    }

    [Test]
    public void With_a_baseline_a_moved_rule_is_unchanged_and_fail_on_new_fails_only_on_new_findings()
    {
        var baseline = Write("previous.sarif", Sarif(Write("before.v4", """
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
            -A INPUT -s 10.0.0.9/32 -p tcp -m tcp --dport 23 -j ACCEPT
            COMMIT

            """)));
        // The same rules, moved (and one fixed): nothing new.
        var moved = Write("rules.v4", """
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
            -A INPUT -p tcp -m tcp --dport 443 -j ACCEPT
            -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
            COMMIT

            """);
        string[] options = ["--policies", Path.Combine(folder, "policies"), "--fail-level", "warning", "--baseline", baseline];

        var (movedExit, movedOutput, movedError) = Check([moved, .. options, "--fail-on", "new"]);
        Check([moved, .. options]).ExitCode.ShouldBe(1);

        movedExit.ShouldBe(0, movedOutput + movedError);
        movedOutput.ShouldContain("; against the baseline 0 new, 1 absent");

        File.AppendAllText(moved, "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp -m tcp --dport 23 -j ACCEPT\nCOMMIT\n");
        var (newExit, newOutput, _) = Check([moved, .. options, "--fail-on", "new"]);

        newExit.ShouldBe(1);
        newOutput.ShouldContain("; against the baseline 1 new, 1 absent");
    }

    [Test]
    public void An_unreadable_baseline_exits_2()
    {
        var (exitCode, _, error) = Check(Write("rules.v4", Rules), "--baseline", Write("previous.sarif", "{ \"version\": \"2.1.0\" }"));

        exitCode.ShouldBe(2);
        error.ShouldContain("the baseline is not a SARIF log");
    }

    /// <summary>
    /// The SARIF a previous run would have written, reduced to what a baseline needs; built from the engine's own
    /// findings so the fingerprints are the real ones (the SARIF writer lives elsewhere).
    /// </summary>
    private string Sarif(string snapshotPath)
    {
        var engine = new PolicyEngine(new EngineOptions { CacheDirectory = Path.Combine(folder, "cache") });
        var policies = engine.Load([PolicySource.FromFile(Path.Combine(folder, "policies", "IPT1102.csx"))]);
        var findings = engine.Check(policies, Core.SnapshotReader.ReadFile(snapshotPath, null)).Findings;
        var results = new JsonArray();
        foreach (var finding in findings)
        {
            results.Add(new JsonObject
            {
                ["ruleId"] = finding.Id,
                ["message"] = new JsonObject { ["text"] = finding.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = "rules.v4" },
                        ["region"] = new JsonObject { ["startLine"] = finding.Span.Line },
                    },
                }),
                ["partialFingerprints"] = new JsonObject { ["primaryLocationLineHash"] = finding.Fingerprint },
            });
        }
        return new JsonObject { ["version"] = "2.1.0", ["runs"] = new JsonArray(new JsonObject { ["results"] = results }) }.ToJsonString();
    }
}
