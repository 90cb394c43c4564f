using System.Text.RegularExpressions;

namespace IptablesPolicy.Cli.Tests;

/// <summary>The pipeline files in <c>examples/ci</c>: they run options the tool has, take policies from the trusted
/// branch, and hand each CI system the output it reads.</summary>
[TestFixture]
public sealed partial class ExampleCiFilesTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "examples", "ci", name));

    private static readonly string[] Files = ["github-actions.yml", "azure-pipelines.yml", "gitlab-ci.yml"];

    /// <summary>The options of the file's <c>iptables-policy check</c> command: its line and the option lines that continue it.</summary>
    private static string[] CheckOptions(string text)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("iptables-policy check", StringComparison.Ordinal));
        start.ShouldBeGreaterThanOrEqualTo(0, "the file runs iptables-policy check");
        var command = lines.Skip(start).Take(1).Concat(lines.Skip(start + 1).TakeWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        return command.SelectMany(l => OptionPattern().Matches(l).Select(m => m.Value)).ToArray();
    }

    [TestCaseSource(nameof(Files))]
    public void The_check_command_uses_only_options_the_tool_has_and_trusted_policies(string name)
    {
        var help = CliRunner.Run("check", "--help").Output;
        var options = CheckOptions(Read(name));
        options.ShouldContain("--policies");
        foreach (var option in options)
            help.ShouldContain(option + " ", customMessage: $"{name} passes {option}, which check does not have");
        Read(name).ShouldContain("trusted/policies/");
    }

    [Test]
    public void GitHub_Actions_uploads_the_sarif_file_to_code_scanning()
    {
        var text = Read("github-actions.yml");
        CheckOptions(text).ShouldContain("--sarif");
        text.ShouldContain("uses: github/codeql-action/upload-sarif@v3");
        text.ShouldContain("sarif_file: iptables-policy.sarif");
        text.ShouldContain("security-events: write");
        text.ShouldContain("github.event.pull_request.base.sha");
    }

    [Test]
    public void Azure_Pipelines_publishes_the_junit_file()
    {
        var text = Read("azure-pipelines.yml");
        CheckOptions(text).ShouldContain("--junit");
        text.ShouldContain("task: PublishTestResults@2");
        text.ShouldContain("testResultsFormat: JUnit");
        text.ShouldContain("testResultsFiles: $(Common.TestResultsDirectory)/iptables-policy.junit.xml");
    }

    [Test]
    public void GitLab_reports_the_junit_file()
    {
        var text = Read("gitlab-ci.yml");
        CheckOptions(text).ShouldContain("--junit");
        text.ShouldContain("junit: iptables-policy.junit.xml");
        text.ShouldContain("when: always");
    }

    [GeneratedRegex(@"(?<=\s)--[a-z][a-z-]+")]
    private static partial Regex OptionPattern();
}
