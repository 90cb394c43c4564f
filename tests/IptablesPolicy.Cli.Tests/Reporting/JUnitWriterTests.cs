using System.Text;
using System.Xml.Linq;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Reporting;

namespace IptablesPolicy.Cli.Tests.Reporting;

[TestFixture]
public sealed class JUnitWriterTests
{
    private static string Write(CheckResult result, ReportOptions options)
    {
        using var stream = new MemoryStream();
        JUnitWriter.Write(result, options, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static IEnumerable<TestCaseData> Scenarios() => ReportScenarios.All();

    [TestCaseSource(nameof(Scenarios))]
    public void JUnit_matches_the_xsd(string name, Func<CheckResult> scenario, ReportOptions options)
    {
        var file = Path.Combine(ReportScenarios.PolicyFolder, $"{name}.junit.xml");
        File.WriteAllText(file, Write(scenario(), options));
        OutputValidators.ValidateJUnit(file);
    }

    [Test]
    public void One_suite_per_policy_one_case_per_snapshot_failing_with_every_finding()
    {
        var result = ReportScenarios.Plain();
        var document = XDocument.Parse(Write(result, ReportScenarios.Options()));
        var suites = document.Root!.Elements("testsuite").ToArray();
        suites.Length.ShouldBe(2);
        var test = suites.Single(s => s.Attribute("package")!.Value == "iptables-policy.TST001.TST002.TST003.TST004");
        var testCase = test.Elements("testcase").Single();
        testCase.Attribute("name")!.Value.ShouldBe(ReportScenarios.Ruleset);
        var failure = testCase.Element("failure")!;
        failure.Attribute("type")!.Value.ShouldBe("error");
        var lines = failure.Value.Split('\n');
        var tst = result.Findings.Where(f => f.Id.StartsWith("TST", StringComparison.Ordinal)).ToArray();
        lines.Count(l => l.StartsWith(ReportScenarios.Ruleset + ":", StringComparison.Ordinal)).ShouldBe(tst.Length);
        failure.Value.ShouldContain($"{tst[0].Span.Path}:{tst[0].Span.Line}:{tst[0].Span.StartColumn}: {TextReport.SeverityName(tst[0].Severity)} {tst[0].Id}: {tst[0].Message}\n    {tst[0].RuleText}");
        test.Attribute("failures")!.Value.ShouldBe("1");
    }

    [Test]
    public void A_disabled_policy_is_skipped_and_a_faulted_one_is_an_error()
    {
        var result = ReportScenarios.WithFaults();
        var options = ReportScenarios.Options() with { SeverityOf = d => d.Id.StartsWith("TST", StringComparison.Ordinal) ? null : d.DefaultSeverity };
        var document = XDocument.Parse(Write(result, options));
        var suites = document.Root!.Elements("testsuite").ToDictionary(s => Path.GetFileName(s.Attribute("name")!.Value));
        suites["TEST.csx"].Element("testcase")!.Element("skipped").ShouldNotBeNull();
        suites["THROWS.csx"].Element("testcase")!.Element("error")!.Attribute("type")!.Value.ShouldBe("IPP0005");
        suites["BROKEN.csx"].Element("testcase")!.Element("error")!.Attribute("type")!.Value.ShouldBe("IPP0001");
        suites["BROKEN.csx"].Attribute("errors")!.Value.ShouldBe("1");
    }

    [Test]
    public void Suppressed_findings_do_not_fail_a_test()
    {
        var result = ReportScenarios.WithConfiguration();
        var document = XDocument.Parse(Write(result, ReportScenarios.Options()));
        var failures = string.Join('\n', document.Descendants("failure").Select(f => f.Value));
        foreach (var suppressed in result.Findings.Where(f => f.Suppression is not null))
            failures.ShouldNotContain($"{suppressed.Span.Line}:{suppressed.Span.StartColumn}: {TextReport.SeverityName(suppressed.Severity)} {suppressed.Id}: {suppressed.Message}");
    }

    [Test]
    public void Same_input_writes_the_same_bytes() =>
        Write(ReportScenarios.WithFaults(), ReportScenarios.Options()).ShouldBe(Write(ReportScenarios.WithFaults(), ReportScenarios.Options()));
}
