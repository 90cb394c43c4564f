using IptablesPolicy.Reporting;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Cli.Tests.Reporting;

[TestFixture]
public sealed class GitHubWritersTests
{
    [Test]
    public void Annotations_escape_data_and_properties_as_the_runner_expects()
    {
        GitHubAnnotationsWriter.EscapeData("50% done\r\nnext: a,b").ShouldBe("50%25 done%0D%0Anext: a,b");
        GitHubAnnotationsWriter.EscapeProperty("IPT1: a,b%\n").ShouldBe("IPT1%3A a%2Cb%25%0A");
    }

    [Test]
    public void Annotations_come_most_severe_first_with_file_line_and_columns()
    {
        var result = ReportScenarios.WithFaults();
        var output = new StringWriter();
        GitHubAnnotationsWriter.Write(result, ReportScenarios.Options(), output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var levels = lines.Select(l => l[2..l.IndexOf(' ', StringComparison.Ordinal)]).ToArray();
        levels.ShouldBe(levels.OrderBy(l => l switch { "error" => 0, "warning" => 1, _ => 2 }).ToArray());
        levels.ShouldContain("notice");
        var finding = result.Findings.First(f => f.Severity == Severity.Error && f.Id == "ACME001");
        lines.ShouldContain(l => l.StartsWith(
            $"::error file={ReportScenarios.Ruleset},line={finding.Span.Line},col={finding.Span.StartColumn},endColumn={finding.Span.EndColumn},title=ACME001%3A NodePort service in the default namespace::{finding.Message}%0A-A", StringComparison.Ordinal));
        lines.Count(l => l.Contains("title=IPP0005", StringComparison.Ordinal)).ShouldBe(1);
        lines.Where(l => l.Contains("TST003", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains("rule | with <special> chars, %25 and \"quotes\"", StringComparison.Ordinal));
    }

    [Test]
    public void Suppressed_findings_get_no_annotation()
    {
        var result = ReportScenarios.WithConfiguration();
        var output = new StringWriter();
        GitHubAnnotationsWriter.Write(result, ReportScenarios.Options(), output);
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(result.Findings.Count(f => f.Suppression is null));
    }

    [Test]
    public void Step_summary_lists_every_finding_in_a_table_and_counts_suppressed_ones()
    {
        var result = ReportScenarios.WithConfiguration();
        var output = new StringWriter();
        GitHubStepSummaryWriter.Write(result, ReportScenarios.Options(), output);
        var text = output.ToString();
        text.ShouldStartWith("## iptables-policy\n");
        text.Split('\n').Count(l => l.StartsWith("| error |", StringComparison.Ordinal) || l.StartsWith("| warning |", StringComparison.Ordinal) || l.StartsWith("| note |", StringComparison.Ordinal))
            .ShouldBe(result.Findings.Count(f => f.Suppression is null));
        text.ShouldContain("rule \\| with &lt;special&gt; chars");
        text.ShouldContain("3 suppressed findings are not listed.");
    }

    [Test]
    public void Step_summary_stops_short_of_the_size_limit_and_says_so()
    {
        var output = new StringWriter();
        GitHubStepSummaryWriter.Write(ReportScenarios.Plain(), ReportScenarios.Options(), output, limit: 8 * 1024);
        output.ToString().Length.ShouldBeLessThan(8 * 1024);
        output.ToString().ShouldContain("more findings are not listed");
    }
}
