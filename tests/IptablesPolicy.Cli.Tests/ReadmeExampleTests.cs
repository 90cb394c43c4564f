using System.Text.RegularExpressions;

namespace IptablesPolicy.Cli.Tests;

/// <summary>The README's policy example and the bundled example policy do what the README says.</summary>
[TestFixture]
public sealed class ReadmeExampleTests
{
    [Test]
    public void The_readme_policy_example_compiles_and_reports_ssh_open_to_any_source()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md"));
        var example = Regex.Match(readme, "```csharp\n(// policies/ACME002.csx\n.*?)```", RegexOptions.Singleline);
        example.Success.ShouldBeTrue("the README's ```csharp policy example");
        var folder = Path.Combine(Path.GetTempPath(), "iptables-policy-readme", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "ACME002.csx"), example.Groups[1].Value);
            File.WriteAllText(Path.Combine(folder, "rules.v4"), "*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n");

            var (exitCode, output, error) = CliRunner.Run("check", Path.Combine(folder, "rules.v4"), "--no-builtin", "--policies", Path.Combine(folder, "ACME002.csx"), "--cache-dir", Path.Combine(folder, "cache"));

            exitCode.ShouldBe(1, error + output);
            output.ShouldContain("rules.v4:3:1: error ACME002: chain INPUT accepts SSH from any address");
            output.ShouldContain("1 finding (1 error, 0 warnings, 0 notes)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void The_example_policy_reports_both_default_namespace_node_ports_of_the_aks_example()
    {
        var cache = Path.Combine(Path.GetTempPath(), "iptables-policy-readme", Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output, error) = CliRunner.Run("check", CliRunner.Example("aks-node.v4"), "--no-builtin",
                "--policies", Path.Combine(CliRunner.RepositoryRoot, "examples", "policies", "*.csx"), "--cache-dir", cache);

            exitCode.ShouldBe(1, error);
            output.ShouldContain("aks-node.v4:32:7: error ACME001: service default/orders:http is exposed on every node at NodePort 31380");
            output.ShouldContain("aks-node.v4:58:7: error ACME001: service default/nginx is exposed on every node at NodePort 30080");
            output.ShouldContain("    related " + CliRunner.Example("aks-node.v4") + ":63:7: traffic ends here");
        }
        finally
        {
            if (Directory.Exists(cache))
                Directory.Delete(cache, recursive: true);
        }
    }

    [Test]
    public void The_readme_configuration_is_the_example_file_and_suppresses_the_nginx_node_port()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "README.md"));
        var config = Path.Combine(CliRunner.RepositoryRoot, "examples", "iptables-policy.json");
        var shown = Regex.Match(readme, "```json\n(\\{\n  \"\\$schema\".*?)```", RegexOptions.Singleline);
        shown.Success.ShouldBeTrue("the README's ```json configuration example");
        shown.Groups[1].Value.ShouldBe(File.ReadAllText(config));
        var cache = Path.Combine(Path.GetTempPath(), "iptables-policy-readme", Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output, error) = CliRunner.Run("check", "--config", config, "--no-builtin", "--cache-dir", cache);

            exitCode.ShouldBe(1, error);
            output.ShouldContain("aks-node.v4:32:7: error ACME001: service default/orders:http is exposed on every node at NodePort 31380");
            output.ShouldNotContain("default/nginx is exposed");
            output.ShouldContain("in 3 snapshots from 1 policy");
            output.ShouldContain("; 1 suppressed");
        }
        finally
        {
            if (Directory.Exists(cache))
                Directory.Delete(cache, recursive: true);
        }
    }
}
