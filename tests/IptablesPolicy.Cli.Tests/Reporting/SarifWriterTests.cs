using System.Text;
using System.Text.Json;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Reporting;

namespace IptablesPolicy.Cli.Tests.Reporting;

[TestFixture]
public sealed class SarifWriterTests
{
    private static (string Text, JsonElement Run, ResultSelection Selection) Write(CheckResult result, ReportOptions options, long? gzippedLimit = null)
    {
        using var stream = new MemoryStream();
        var selection = gzippedLimit is { } limit ? SarifWriter.Write(result, options, stream, limit) : SarifWriter.Write(result, options, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        return (text, JsonDocument.Parse(text).RootElement.GetProperty("runs")[0].Clone(), selection);
    }

    private static IEnumerable<TestCaseData> Scenarios() => ReportScenarios.All();

    [TestCaseSource(nameof(Scenarios))]
    public void Sarif_matches_the_schema(string name, Func<CheckResult> scenario, ReportOptions options) =>
        OutputValidators.ValidateSarifSchema(Write(scenario(), options).Text);

    [TestCaseSource(nameof(Scenarios))]
    public void Sarif_passes_the_multitool_with_GitHub_rules(string name, Func<CheckResult> scenario, ReportOptions options)
    {
        var file = Path.Combine(ReportScenarios.PolicyFolder, $"{name}.sarif");
        File.WriteAllText(file, Write(scenario(), options).Text);
        OutputValidators.ValidateWithMultitool(file);
    }

    [Test]
    public void Same_input_writes_the_same_bytes() =>
        Write(ReportScenarios.WithConfiguration(), ReportScenarios.Options(includeSuppressed: true)).Text
            .ShouldBe(Write(ReportScenarios.WithConfiguration(), ReportScenarios.Options(includeSuppressed: true)).Text);

    [Test]
    public void Rules_describe_every_descriptor_with_help_level_tags_and_security_severity()
    {
        var (_, run, _) = Write(ReportScenarios.Plain(), ReportScenarios.Options());
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().ShouldBe("iptables-policy");
        driver.GetProperty("semanticVersion").GetString()!.ShouldMatch(@"^\d+\.\d+\.\d+");
        driver.GetProperty("informationUri").GetString().ShouldStartWith("https://");
        var rules = driver.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        rules.Keys.ShouldBe(["ACME001", "TST001", "TST002", "TST003", "TST004"]);
        rules["ACME001"].GetProperty("help").GetProperty("markdown").GetString().ShouldStartWith("# ACME001");
        rules["ACME001"].GetProperty("helpUri").GetString().ShouldStartWith("https://kubernetes.io/");
        rules["TST001"].GetProperty("properties").GetProperty("security-severity").GetString().ShouldBe("8.0");
        rules["TST001"].GetProperty("properties").GetProperty("tags")[0].GetString().ShouldBe("security");
        rules["TST002"].GetProperty("properties").TryGetProperty("security-severity", out _).ShouldBeFalse();
        rules["TST002"].GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("warning");
        rules["TST003"].GetProperty("fullDescription").GetProperty("text").GetString().ShouldBe("Reports every rule.");
        rules["TST003"].GetProperty("name").GetString().ShouldBe("EveryRule");
        rules["TST004"].GetProperty("defaultConfiguration").GetProperty("enabled").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public void Results_point_at_the_rule_relative_to_the_source_root_with_the_stable_fingerprint()
    {
        var result = ReportScenarios.Plain();
        var (_, run, _) = Write(result, ReportScenarios.Options());
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        results.Length.ShouldBe(result.Findings.Count);
        var acme = results.First(r => r.GetProperty("ruleId").GetString() == "ACME001" && r.TryGetProperty("relatedLocations", out _));
        var finding = result.Findings.First(f => f.Id == "ACME001" && f.Diagnostic.RelatedLocations.Count > 0);
        acme.GetProperty("ruleIndex").GetInt32().ShouldBe(0);
        acme.GetProperty("level").GetString().ShouldBe("error");
        var physical = acme.GetProperty("locations")[0].GetProperty("physicalLocation");
        physical.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe(ReportScenarios.Ruleset);
        physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
        physical.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(finding.Span.Line);
        physical.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(finding.Span.StartColumn);
        physical.GetProperty("region").GetProperty("endColumn").GetInt32().ShouldBe(finding.Span.EndColumn);
        acme.GetProperty("relatedLocations")[0].GetProperty("message").GetProperty("text").GetString().ShouldBe("traffic ends here");
        acme.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString().ShouldBe(finding.Fingerprint);
        run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").TryGetProperty("uri", out _).ShouldBeFalse("no absolute path unless --source-root is given");
        run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public void A_given_source_root_is_written_as_an_absolute_uri_and_category_as_automation_id()
    {
        var (_, run, _) = Write(ReportScenarios.Plain(), ReportScenarios.Options(category: "aks") with { WriteSourceRootUri = true });
        run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString().ShouldBe(new Uri(CliRunner.RepositoryRoot + "/").AbsoluteUri);
        run.GetProperty("automationDetails").GetProperty("id").GetString().ShouldBe("aks/");
    }

    [Test]
    public void Suppressed_findings_are_left_out_unless_asked_for()
    {
        var result = ReportScenarios.WithConfiguration();
        var suppressed = result.Findings.Count(f => f.Suppression is not null);
        suppressed.ShouldBe(3);
        var (_, without, _) = Write(result, ReportScenarios.Options());
        without.GetProperty("results").EnumerateArray().Count(r => r.TryGetProperty("suppressions", out _)).ShouldBe(0);
        without.GetProperty("results").GetArrayLength().ShouldBe(result.Findings.Count - suppressed + 1);

        var (_, with, _) = Write(result, ReportScenarios.Options(includeSuppressed: true));
        var written = with.GetProperty("results").EnumerateArray().Where(r => r.TryGetProperty("suppressions", out _)).ToArray();
        written.Length.ShouldBe(3);
        written.Select(r => r.GetProperty("suppressions")[0].GetProperty("kind").GetString()).Order().ShouldBe(["external", "inSource", "inSource"]);
        written[0].GetProperty("suppressions")[0].GetProperty("justification").GetString().ShouldBe("accepted risk: ticket NET-42");
    }

    [Test]
    public void Baseline_states_and_absent_results_are_written()
    {
        var (_, run, _) = Write(ReportScenarios.WithConfiguration(), ReportScenarios.Options());
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        results.Select(r => r.GetProperty("baselineState").GetString()).Distinct().Order().ShouldBe(["absent", "new", "unchanged", "updated"]);
        var absent = results.Single(r => r.GetProperty("baselineState").GetString() == "absent");
        absent.GetProperty("kind").GetString().ShouldBe("pass");
        absent.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString().ShouldBe("0123456789abcdef:1");
    }

    [Test]
    public void Faults_are_notifications_and_make_the_execution_unsuccessful()
    {
        var result = ReportScenarios.WithFaults();
        var (_, run, _) = Write(result, ReportScenarios.Options());
        var invocation = run.GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeFalse();
        var ids = invocation.GetProperty("toolExecutionNotifications").EnumerateArray()
            .Where(n => n.TryGetProperty("descriptor", out _)).Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()).ToArray();
        ids.ShouldContain("IPP0001");
        ids.ShouldContain("IPP0005");
    }

    [Test]
    public void Above_max_results_the_first_of_each_rule_and_the_most_severe_are_kept_and_the_cut_is_recorded()
    {
        var result = ReportScenarios.Plain();
        var (_, run, selection) = Write(result, ReportScenarios.Options(maxResults: 5));
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        results.Length.ShouldBe(5);
        var ids = results.Select(r => r.GetProperty("ruleId").GetString()).ToArray();
        ids.Distinct().Order().ShouldBe(["ACME001", "TST001", "TST002", "TST003"]);
        ids.Count(i => i == "TST003").ShouldBe(1, "the note policy is kept once; the fifth place goes to an error");
        selection.IsCut.ShouldBeTrue();
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray()
            .Single(n => n.GetProperty("message").GetProperty("text").GetString()!.Contains("--max-results 5", StringComparison.Ordinal));
        notification.GetProperty("message").GetProperty("text").GetString()!.ShouldContain("TST003 (");
    }

    [Test]
    public void A_file_too_large_once_gzipped_keeps_fewer_results_until_it_fits()
    {
        var result = ReportScenarios.Plain();
        var limit = GzippedLength(Write(result, ReportScenarios.Options()).Text) - 200;
        var (text, run, selection) = Write(result, ReportScenarios.Options(), gzippedLimit: limit);
        selection.IsCut.ShouldBeTrue();
        run.GetProperty("results").GetArrayLength().ShouldBeLessThan(result.Findings.Count);
        GzippedLength(text).ShouldBeLessThanOrEqualTo(limit);
    }

    private static long GzippedLength(string text)
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gzipped, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return gzipped.Length;
    }

    [Test]
    public void The_schema_check_catches_a_broken_file()
    {
        var broken = Write(ReportScenarios.Plain(), ReportScenarios.Options()).Text.Replace("\"startLine\": ", "\"startLine\": -", StringComparison.Ordinal);
        OutputValidators.SarifSchemaErrors(broken).ShouldContain(e => e.Contains("startLine", StringComparison.Ordinal));
    }

    [Test]
    public void Unreadable_snapshot_lines_are_notifications_and_files_outside_the_root_get_absolute_uris()
    {
        var (_, run, _) = Write(ReportScenarios.WithSnapshotProblems(), ReportScenarios.Options());
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();
        notifications.Count(n => n.GetProperty("message").GetProperty("text").GetString()!.Contains("--bogus-option", StringComparison.Ordinal)).ShouldBe(1);
        var uris = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).Distinct().ToArray();
        uris.ShouldContain(ReportScenarios.Ruleset);
        uris.ShouldContain(new Uri(Path.Combine(ReportScenarios.PolicyFolder, "broken.v4")).AbsoluteUri);
    }
}
