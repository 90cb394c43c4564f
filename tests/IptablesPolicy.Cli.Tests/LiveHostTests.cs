using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Cli.Tests;

/// <summary><c>check</c> without snapshot arguments reads the host's own ruleset; run inside a throw-away network namespace.</summary>
[TestFixture]
public sealed class LiveHostTests
{
    [Test]
    public void Check_without_snapshots_reads_the_live_ruleset_with_iptables_save()
    {
        NetfilterTools.Require("ip", "iptables-restore", "iptables-save", "ip6tables-save");
        var folder = Path.Combine(Path.GetTempPath(), "iptables-policy-live", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var policy = Path.Combine(folder, "telnet.csx");
            File.WriteAllText(policy, "foreach (var rule in Rules.Where(r => r.Text.Contains(\"--dport 23 \")))\n    Report(rule, \"telnet\");\n");
            using var ns = NetworkNamespace.Create();
            var load = ns.Run("iptables-restore", [], "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 23 -j DROP\nCOMMIT\n");
            load.Succeeded.ShouldBeTrue(load.ToString());

            var tool = Path.Combine(AppContext.BaseDirectory, "iptables-policy.dll");
            var result = ns.Run("dotnet", [tool, "check", "--no-builtin", "--policies", policy, "--cache-dir", Path.Combine(folder, "cache"), "--fail-level", "warning"]);

            result.ExitCode.ShouldBe(1, result.ToString());
            result.StandardError.ShouldContain("iptables-save: read the live ruleset");
            result.StandardOutput.ShouldMatch(@"(?m)^iptables-save:\d+:1: warning telnet: telnet$");
            result.StandardOutput.ShouldContain("    -A INPUT -p tcp -m tcp --dport 23 -j DROP");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
