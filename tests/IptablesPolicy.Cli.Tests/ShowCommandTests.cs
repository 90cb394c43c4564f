using System.Diagnostics;
using System.Text.Json;

namespace IptablesPolicy.Cli.Tests;

[TestFixture]
public sealed class ShowCommandTests
{
    [Test]
    public void Text_summary_lists_tables_chains_policies_and_rule_counts()
    {
        var (exitCode, output, error) = CliRunner.Run("show", CliRunner.Example("aks-node.v4"));
        exitCode.ShouldBe(0, error);
        output.ShouldContain("aks-node.v4:1: save, ipv4, 2 tables, 26 chains, 38 rules, 0 errors, 0 warnings");
        output.ShouldContain("  *filter (line 2)");
        output.ShouldContain("FORWARD                 policy ACCEPT  6 rules");
        output.ShouldContain("KUBE-SERVICES           user           1 rule");
    }

    [Test]
    public void Json_has_the_documented_shape_with_fields_as_iptables_save_writes_them()
    {
        var (exitCode, output, _) = CliRunner.Run("show", "--format", "json", CliRunner.Example("aks-node.v4"));
        exitCode.ShouldBe(0);
        using var document = JsonDocument.Parse(output);
        var snapshot = document.RootElement.GetProperty("snapshots")[0];
        snapshot.GetProperty("format").GetString().ShouldBe("save");
        snapshot.GetProperty("family").GetString().ShouldBe("ipv4");
        snapshot.GetProperty("diagnostics").GetArrayLength().ShouldBe(0);
        var nat = snapshot.GetProperty("tables")[1];
        nat.GetProperty("name").GetString().ShouldBe("nat");
        var service = nat.GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "KUBE-SVC-2CMXP7HKUVJN7L6M");
        service.GetProperty("policy").ValueKind.ShouldBe(JsonValueKind.Null);
        service.GetProperty("line").GetInt32().ShouldBe(50);
        var masq = service.GetProperty("rules")[0];
        masq.GetProperty("line").GetInt32().ShouldBe(68);
        masq.GetProperty("text").GetString().ShouldBe("-A KUBE-SVC-2CMXP7HKUVJN7L6M ! -s 10.244.0.0/16 -d 10.0.91.63/32 -p tcp -m comment --comment \"default/nginx cluster IP\" -m tcp --dport 80 -j KUBE-MARK-MASQ");
        masq.GetProperty("target").GetString().ShouldBe("KUBE-MARK-MASQ");
        masq.GetProperty("protocol").GetString().ShouldBe("tcp");
        masq.GetProperty("source").GetString().ShouldBe("!10.244.0.0/16");
        masq.GetProperty("destination").GetString().ShouldBe("10.0.91.63/32");
        masq.GetProperty("inInterface").ValueKind.ShouldBe(JsonValueKind.Null);
        masq.GetProperty("outInterface").ValueKind.ShouldBe(JsonValueKind.Null);
        masq.GetProperty("unknown").GetArrayLength().ShouldBe(0);
        masq.GetProperty("counters").GetProperty("packets").GetInt64().ShouldBe(0);
    }

    [Test]
    public void Json_output_is_byte_identical_across_runs()
    {
        var first = CliRunner.Run("show", "--format", "json", CliRunner.Example("aks-node.v4")).Output;
        var second = CliRunner.Run("show", "--format", "json", CliRunner.Example("aks-node.v4")).Output;
        second.ShouldBe(first);
    }

    [Test]
    public void Missing_file_is_reported_and_the_other_files_are_still_shown()
    {
        var (exitCode, output, error) = CliRunner.Run("show", "does-not-exist.v4", CliRunner.Example("aks-node.v4"));
        exitCode.ShouldBe(0);
        error.ShouldContain("does-not-exist.v4: error: cannot read the file");
        output.ShouldContain("aks-node.v4:1: save");
    }

    [Test]
    public void A_directory_is_reported_as_not_a_snapshot_file()
    {
        var (exitCode, _, error) = CliRunner.Run("show", Path.GetTempPath());
        exitCode.ShouldBe(2);
        error.ShouldContain("error: is a directory: expected a snapshot file");
    }

    [Test]
    public void Exits_non_zero_only_when_nothing_at_all_could_be_read()
    {
        var garbage = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.v4");
        File.WriteAllBytes(garbage, [0x00, 0xFF, 0x13, 0x0A, 0x41]);
        var (exitCode, output, _) = CliRunner.Run("show", garbage);
        exitCode.ShouldBe(2);
        output.ShouldContain("error");
    }

    [Test]
    public void Unknown_format_is_a_usage_error()
    {
        var (exitCode, _, error) = CliRunner.Run("show", "--format", "yaml", CliRunner.Example("aks-node.v4"));
        exitCode.ShouldBe(2);
        error.ShouldContain("yaml");
    }

    [Test]
    public void Built_tool_runs_as_a_process()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "iptables-policy.dll");
        var start = new ProcessStartInfo("dotnet", [tool, "show", CliRunner.Example("aks-node.v4")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        output.ShouldContain("2 tables, 26 chains, 38 rules");
    }
}
