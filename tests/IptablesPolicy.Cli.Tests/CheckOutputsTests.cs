using System.Text.Json;
using IptablesPolicy.Cli.Output;
using IptablesPolicy.Cli.Tests.Reporting;

namespace IptablesPolicy.Cli.Tests;

/// <summary><c>check</c>'s outputs end to end: every format on the console, report files, several at once, same bytes twice.</summary>
[TestFixture]
public sealed class CheckOutputsTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "iptables-policy-output-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Check(params string[] arguments) =>
        CheckRuleset("aks-node.v4", arguments);

    private static (int ExitCode, string Output, string Error) CheckRuleset(string ruleset, params string[] arguments) =>
        CliRunner.Run(["check", CliRunner.Example(ruleset), "--no-builtin", "--cache-dir", Path.Combine(ReportScenarios.PolicyFolder, "cache"),
            "--policies", Path.Combine(ReportScenarios.PolicyFolder, "ACME001.csx"), "--policies", Path.Combine(ReportScenarios.PolicyFolder, "TEST.csx"),
            "--source-root", CliRunner.RepositoryRoot, .. arguments]);

    [TestCase("text")]
    [TestCase("json")]
    [TestCase("sarif")]
    [TestCase("junit")]
    [TestCase("github")]
    public void Every_format_prints_the_same_bytes_twice(string format)
    {
        // The text summary says how many policies were compiled: warm the cache so both runs say the same.
        Check("--format", "json");
        var first = Check("--format", format);
        var second = Check("--format", format);
        first.ExitCode.ShouldBe(1, first.Error);
        first.Output.ShouldNotBeEmpty();
        second.Output.ShouldBe(first.Output);
    }

    private static IEnumerable<string> Rulesets() =>
        Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, "examples", "rulesets")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Rulesets))]
    public void Files_and_console_in_one_run_validate(string ruleset)
    {
        var sarif = Path.Combine(folder, "out", "check.sarif");
        var junit = Path.Combine(folder, "out", "check.xml");
        var json = Path.Combine(folder, "check.json");
        var run = CheckRuleset(ruleset, "--sarif", sarif, "--junit", junit, "--json", json, "--category", "aks-nodes");
        run.ExitCode.ShouldBeOneOf([0, 1], run.Error);
        run.Output.ShouldContain(" TST003: ");
        OutputValidators.ValidateSarifSchema(File.ReadAllText(sarif));
        OutputValidators.ValidateWithMultitool(sarif);
        OutputValidators.ValidateJUnit(junit);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        document.RootElement.GetProperty("summary").GetProperty("findings").GetInt32().ShouldBe(document.RootElement.GetProperty("findings").GetArrayLength());
        document.RootElement.GetProperty("findings")[0].GetProperty("fingerprint").GetString()!.ShouldMatch("^[0-9a-f]{16}:[0-9]+$");
        File.ReadAllText(sarif).ShouldContain("\"id\": \"aks-nodes/\"");
    }

    [Test]
    public void The_text_output_says_what_sarif_left_out()
    {
        var sarif = Path.Combine(folder, "check.sarif");
        var run = Check("--sarif", sarif, "--max-results", "5");
        run.Output.ShouldContain($"SARIF file {sarif}: 5 of ");
        run.Output.ShouldContain("TST003 (");
        JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBe(5);
    }

    [TestCase("0")]
    [TestCase("25001")]
    public void Max_results_beyond_what_GitHub_accepts_is_a_usage_error(string value) =>
        Check("--max-results", value).ExitCode.ShouldBe(ExitCodes.Usage);

    [Test]
    public void Github_format_appends_a_step_summary_when_GitHub_gives_one()
    {
        var summary = Path.Combine(folder, "summary.md");
        File.WriteAllText(summary, "earlier step\n");
        var previous = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", summary);
        try
        {
            var run = Check("--format", "github");
            run.Output.ShouldStartWith("::error file=examples/rulesets/aks-node.v4,");
            run.Output.TrimEnd().Split('\n')[^1].ShouldMatch(@"^\d+ findings \(\d+ errors");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_STEP_SUMMARY", previous);
        }
        var text = File.ReadAllText(summary);
        text.ShouldStartWith("earlier step\n## iptables-policy\n");
        text.ShouldContain("| error | ACME001 |");
    }

    [Test]
    public void Progress_is_silent_unless_standard_error_is_the_terminal()
    {
        ProgressLine.IsWanted(new StringWriter(), _ => null).ShouldBeFalse();
        var error = new StringWriter();
        var progress = new ProgressLine(error);
        progress.Report(1, 4);
        progress.Report(2, 4);
        progress.Report(4, 4);
        progress.Clear();
        error.ToString().ShouldBe("\rchecking: 1/4 policy runs (25%)\rchecking: 4/4 policy runs (100%)\r\u001b[K");
    }

    [Test]
    public void Progress_is_silent_under_CI() =>
        ProgressLine.IsWanted(Console.Error, name => name == "CI" ? "true" : null).ShouldBeFalse();

    [Test]
    public void An_output_file_that_cannot_be_written_is_reported()
    {
        var blocker = Path.Combine(folder, "a-file");
        File.WriteAllText(blocker, "");
        var run = Check("--sarif", Path.Combine(blocker, "check.sarif"));
        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Error.ShouldContain($"cannot write {Path.Combine(blocker, "check.sarif")}");
        run.Output.ShouldContain("error ACME001", customMessage: "the console output is still written");
    }

    [Test]
    public void The_built_in_pack_over_every_example_writes_valid_sarif_and_junit()
    {
        var sarif = Path.Combine(folder, "builtin.sarif");
        var junit = Path.Combine(folder, "builtin.xml");
        var rulesets = Rulesets().Select(CliRunner.Example).ToArray();
        var run = CliRunner.Run(["check", .. rulesets, "--cache-dir", Path.Combine(ReportScenarios.PolicyFolder, "cache"),
            "--source-root", CliRunner.RepositoryRoot, "--sarif", sarif, "--junit", junit, "--format", "github"]);
        run.ExitCode.ShouldBeOneOf([0, 1], run.Error);
        OutputValidators.ValidateSarifSchema(File.ReadAllText(sarif));
        OutputValidators.ValidateWithMultitool(sarif);
        OutputValidators.ValidateJUnit(junit);
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules.GetArrayLength().ShouldBeGreaterThan(0, "the built-in pack declares its rules");
        rules.EnumerateArray().ShouldAllBe(r => r.GetProperty("help").GetProperty("markdown").GetString()!.Length > 0);
    }
}
