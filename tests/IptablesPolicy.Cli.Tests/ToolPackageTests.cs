using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Cli.Tests;

/// <summary>
/// The dotnet tool as users get it: <c>dotnet pack</c> makes the package, <c>dotnet tool install --tool-path</c>
/// installs it from the local folder, and the installed command lists the built-in pack, compiles a policy and checks
/// an example ruleset.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private string folder = "";
    private string tool = "";

    [OneTimeSetUp]
    public void PackAndInstall()
    {
        var dotnet = ProcessRunner.Find("dotnet");
        Prerequisites.Require(dotnet is not null, "the dotnet CLI is not on PATH");
        folder = Path.Combine(Path.GetTempPath(), "iptables-policy-tool-tests", Guid.NewGuid().ToString("N"));
        var pack = Path.Combine(folder, "pack");
        var tools = Path.Combine(folder, "tools");
        // The test run has just built the tool in this configuration: pack that build rather than build it again.
        var packed = ProcessRunner.Run(dotnet!, ["pack", Path.Combine(CliRunner.RepositoryRoot, "src", "IptablesPolicy.Cli"), "--no-build", "-c", Configuration, "-o", pack, "--nologo"], timeoutSeconds: 300);
        packed.ExitCode.ShouldBe(0, packed.StandardOutput + packed.StandardError);
        Directory.GetFiles(pack, "IptablesPolicy.Cli.*.nupkg").ShouldNotBeEmpty();
        var installed = ProcessRunner.Run(dotnet!, ["tool", "install", "--tool-path", tools, "--add-source", pack, "IptablesPolicy.Cli"], timeoutSeconds: 300);
        installed.ExitCode.ShouldBe(0, installed.StandardOutput + installed.StandardError);
        tool = Path.Combine(tools, "iptables-policy");
        File.Exists(tool).ShouldBeTrue();
    }

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void The_installed_tool_carries_the_built_in_policies()
    {
        var installed = ProcessRunner.Run(tool, ["list-policies", "--format", "json"]);
        installed.ExitCode.ShouldBe(0, installed.ToString());
        var inProcess = CliRunner.Run("list-policies", "--format", "json");
        installed.StandardOutput.ShouldBe(inProcess.Output, "the packed tool lists the same built-in pack as the build it came from");
    }

    [Test]
    public void The_installed_tool_checks_an_example_with_a_policy_it_compiles()
    {
        var run = ProcessRunner.Run(tool, ["check", CliRunner.Example("aks-node.v4"), "--policies", Path.Combine(CliRunner.RepositoryRoot, "examples", "policies", "ACME001.csx"),
            "--cache-dir", Path.Combine(folder, "cache"), "--format", "sarif"]);
        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardOutput.ShouldContain("\"ruleId\": \"ACME001\"");
        run.StandardError.ShouldNotContain("checking:", customMessage: "no progress line when standard error is not a terminal");
    }
}
