using System.Text.RegularExpressions;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Cli.Tests;

[TestFixture]
public sealed class CheckCommandTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "iptables-policy-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string Policy(string name, string text)
    {
        var path = Path.Combine(folder, "policies", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (int ExitCode, string Output, string Error) Check(params string[] arguments) =>
        CliRunner.Run(["check", "--no-builtin", "--cache-dir", Path.Combine(folder, "cache"), .. arguments]);

    private const string NoEndpoints = """
        var noEndpoints = new PolicyDescriptor("ACME1102", "Service without endpoints", "service {0} has no endpoints", "Kubernetes", Severity.Warning);
        foreach (var service in Kubernetes.Services.Where(s => s.NoEndpointsRules.Count > 0))
            Report(noEndpoints, service.NoEndpointsRules[0], service.ServicePortName);
        """;

    [Test]
    public void Prints_each_finding_with_file_line_severity_id_message_and_the_rule()
    {
        Policy("ACME1102.csx", NoEndpoints);

        var (exitCode, output, error) = Check(CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(folder, "policies", "*.csx"));

        exitCode.ShouldBe(0, error);
        // The tests run in their bin folder, outside the repository's examples: output names them by full path.
        var example = CliRunner.Example("aks-node.v4");
        var expected = $"""
            {example}:32:7: warning ACME1102: service default/orders:http has no endpoints
                -A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/orders:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 31380 -j REJECT --reject-with icmp-port-unreachable

            1 finding (0 errors, 1 warning, 0 notes) in 1 snapshot from 1 policy (1 compiled, 0 from cache)

            """;
        output.ShouldBe(expected.ReplaceLineEndings("\n"));
    }

    [Test]
    public void A_fifo_snapshot_is_checked_without_waiting_for_a_second_writer()
    {
        // The parse consumes the FIFO; looking for suppression comments must not open it again (that open
        // would wait for a writer forever).
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("needs mkfifo, a Linux command");
        Policy("ACME1102.csx", NoEndpoints);
        var fifo = Path.Combine(folder, "rules.fifo");
        var made = ProcessRunner.Run("mkfifo", [fifo]);
        made.ExitCode.ShouldBe(0, made.ToString());
        var writer = Task.Run(() => File.WriteAllText(fifo, File.ReadAllText(CliRunner.Example("aks-node.v4"))));

        var check = Task.Run(() => Check(fifo, "--policies", Path.Combine(folder, "policies", "*.csx")));

        check.Wait(TimeSpan.FromSeconds(60)).ShouldBeTrue("check of a FIFO still running after 60 s: it is waiting on the FIFO");
        writer.Wait();
        var (exitCode, output, error) = check.Result;

        exitCode.ShouldBe(0, error);
        output.ShouldContain($"{fifo}:32:7: warning ACME1102: service default/orders:http has no endpoints");
    }

    [TestCase("error", 0)]
    [TestCase("warning", 1)]
    [TestCase("note", 1)]
    [TestCase("never", 0)]
    public void Exit_code_1_only_for_findings_at_or_above_fail_on(string failOn, int expected)
    {
        Policy("ACME1102.csx", NoEndpoints);

        var (exitCode, _, error) = Check(CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(folder, "policies"), "--fail-level", failOn);

        exitCode.ShouldBe(expected, error);
    }

    [Test]
    public void A_broken_policy_gives_exit_code_3_and_the_others_still_report()
    {
        Policy("ACME1102.csx", NoEndpoints);
        Policy("broken.csx", "var x = ;\n");

        var (exitCode, output, _) = Check(CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(folder, "policies"), "--fail-level", "warning");

        exitCode.ShouldBe(3);
        output.ShouldContain("warning ACME1102: service default/orders:http has no endpoints");
        output.ShouldContain("broken.csx:1:9: error IPP0001: CS1525: Invalid expression term ';'");
        output.ShouldContain("; 1 policy fault");
        output.ShouldNotContain("   at ");
    }

    [Test]
    public void A_policy_past_the_timeout_is_stopped_and_reported()
    {
        // Busy far past the timeout without looking at its CancellationToken, but it ends by itself (see FaultTests).
        Policy("endless.csx", "var until = DateTime.UtcNow.AddSeconds(20); while (DateTime.UtcNow < until) { }\n");
        Policy("ACME1102.csx", NoEndpoints);

        var (exitCode, output, _) = Check(CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(folder, "policies"), "--policy-timeout", "0.5");

        exitCode.ShouldBe(3);
        output.ShouldContain("endless.csx:1:1: error IPP0006: the policy ran longer than 0.5 s and was stopped");
        output.ShouldContain("warning ACME1102");
    }

    [Test]
    public void Timings_go_to_standard_error_and_leave_the_report_unchanged()
    {
        Policy("ACME1102.csx", NoEndpoints);
        string[] arguments = [CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(folder, "policies")];
        var plain = Check(arguments);

        var (exitCode, output, error) = Check([.. arguments, "--timings"]);

        exitCode.ShouldBe(0, error);
        output.ShouldBe(plain.Output.Replace("(1 compiled, 0 from cache)", "(0 compiled, 1 from cache)"));
        var lines = error.ReplaceLineEndings("\n").Split('\n');
        lines[0].ShouldMatch(@"^timings \(wall clock, \d+ cores, \d+\.\d{3} s in all\):$");
        lines.ShouldContain(l => Regex.IsMatch(l, @"^  read snapshots +\d+\.\d{3} s  1 snapshot, \d+ rules(; \d+ garbage collections?, \d+\.\d{3} s paused)?$"));
        lines.ShouldContain(l => Regex.IsMatch(l, @"^  load policies +\d+\.\d{3} s  1 policy: 0 compiled, 1 from the cache \(beside reading\)$"));
        lines.ShouldContain(l => Regex.IsMatch(l, @"^  run policies +\d+\.\d{3} s  1 run, up to \d+ at a time(; \d+ garbage collections?, \d+\.\d{3} s paused)?$"));
        lines.ShouldContain(l => Regex.IsMatch(l, @"^  write reports +\d+\.\d{3} s(  \d+ garbage collections?, \d+\.\d{3} s paused)?$"));
        // No budget is taken on a machine with little memory; the line says so then.
        lines.ShouldContain(l => Regex.IsMatch(l, @"^  collector budget: (\d+\.\d MB for \d+\.\d MB of snapshots, (not outgrown|outgrown): |none for \d+\.\d MB of snapshots \().+$"));
        lines.ShouldContain(l => Regex.IsMatch(l, @"^  \d+\.\d{3} s  ACME1102  .*ACME1102\.csx$"));
    }

    [Test]
    public void A_second_run_compiles_nothing_and_prints_the_same_bytes()
    {
        Policy("ACME1102.csx", NoEndpoints);
        Policy("orphans.csx", "foreach (var chain in Graph.Orphans) Report(chain, $\"{chain.Name} is never used\");");
        string[] arguments = [CliRunner.Example("aks-node.v4"), CliRunner.Example("many-modules.v4"), "--policies", Path.Combine(folder, "policies")];

        var first = Check(arguments);
        var second = Check(arguments);

        first.Output.ShouldContain("from 2 policies (2 compiled, 0 from cache)");
        second.Output.ShouldContain("from 2 policies (0 compiled, 2 from cache)");
        second.Output.Replace("(0 compiled, 2 from cache)", "(2 compiled, 0 from cache)").ShouldBe(first.Output);
    }

    [Test]
    public void Changing_a_loaded_helper_recompiles_the_policy()
    {
        Policy("_helper.csx", "static string Word() => \"one\";");
        Policy("uses.csx", "#load \"_helper.csx\"\nReport(Snapshot, Word());");
        string[] arguments = [CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(folder, "policies")];
        Check(arguments).Output.ShouldContain("warning uses: one");

        Policy("_helper.csx", "static string Word() => \"two\";");
        var (_, output, _) = Check(arguments);

        output.ShouldContain("warning uses: two");
        output.ShouldContain("(1 compiled, 0 from cache)");
    }

    [Test]
    public void A_missing_snapshot_is_named_and_nothing_read_is_exit_code_2()
    {
        Policy("ACME1102.csx", NoEndpoints);

        var (exitCode, _, error) = Check(Path.Combine(folder, "missing.v4"), "--policies", Path.Combine(folder, "policies"));

        exitCode.ShouldBe(2);
        error.ShouldContain("missing.v4: error: no such file, or no file matches");
    }

    [Test]
    public void A_policy_glob_that_matches_nothing_is_named()
    {
        var (exitCode, _, error) = Check(CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(folder, "nowhere", "*.csx"));

        exitCode.ShouldBe(3);
        error.ShouldContain("nowhere/*.csx: error: no policy script (.csx) found");
    }

    [Test]
    public void Snapshot_globs_and_folders_expand_to_their_files_in_order()
    {
        Policy("count.csx", "Report(Snapshot, $\"{Rules.Count()} rules\");");

        var (_, output, _) = Check(Path.Combine(CliRunner.RepositoryRoot, "examples", "rulesets", "many-modules.*"), "--policies", Path.Combine(folder, "policies"));

        var lines = output.Split('\n').Where(l => l.Contains(" count: ")).ToArray();
        lines.Length.ShouldBe(2);
        lines[0].ShouldContain("many-modules.v4:");
        lines[1].ShouldContain("many-modules.v6:");
    }

    [Test]
    public void A_bad_timeout_is_a_usage_error()
    {
        var (exitCode, _, error) = Check(CliRunner.Example("aks-node.v4"), "--policy-timeout", "0");

        exitCode.ShouldBe(2);
        error.ShouldContain("--policy-timeout must be a positive number of seconds");
    }
}
