using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Cli.Tests;

/// <summary>
/// The dotnet tool as users get it: <c>dotnet pack</c> makes the package, <c>dotnet tool install --tool-path</c>
/// installs it from the local folder, and the installed command lists the built-in pack, compiles a policy and checks
/// an example ruleset. On linux-x64 the package also carries ReadyToRun copies of the libraries for that
/// platform (src/IptablesPolicy.Cli/ReadyToRun.targets): the host loads them there and the IL copies elsewhere.
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

    private const string ToolFolder = "tools/net10.0/any/";
    private const string ReadyToRunFolder = ToolFolder + "runtimes/linux-x64/lib/net10.0/";

    private string folder = "";
    private string tool = "";
    private string package = "";

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
        package = Directory.GetFiles(pack, "IptablesPolicy.Cli.*.nupkg").ShouldHaveSingleItem();
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

    [Test]
    public void On_linux_x64_the_package_carries_ReadyToRun_copies_beside_the_IL_ones()
    {
        RequireLinuxX64();
        using var archive = ZipFile.OpenRead(package);
        var readyToRun = archive.Entries.Where(e => e.FullName.StartsWith(ReadyToRunFolder, StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        readyToRun.Select(e => e.Name).ShouldContain("Microsoft.CodeAnalysis.CSharp.dll");
        readyToRun.Select(e => e.Name).ShouldContain("IptablesPolicy.Core.dll");
        readyToRun.Select(e => e.Name).ShouldNotContain("iptables-policy.dll", "the main assembly is loaded from the tool's folder on every platform: it stays IL");
        IsReadyToRun(archive.GetEntry(ToolFolder + "iptables-policy.dll")!).ShouldBeFalse();
        var deps = JsonNode.Parse(archive.GetEntry(ToolFolder + "iptables-policy.deps.json")!.Open())!;
        var declared = deps["targets"]!.AsObject().Single().Value!.AsObject()
            .SelectMany(library => library.Value?["runtimeTargets"]?.AsObject() ?? [])
            .ToDictionary(target => target.Key, target => target.Value!["rid"]!.GetValue<string>());
        foreach (var entry in readyToRun)
        {
            IsReadyToRun(entry).ShouldBeTrue($"{entry.FullName} is ReadyToRun");
            IsReadyToRun(archive.GetEntry(ToolFolder + entry.Name).ShouldNotBeNull($"the IL copy of {entry.Name}")).ShouldBeFalse($"{entry.Name} at the tool's root is IL only");
            declared.ShouldContainKeyAndValue(entry.FullName[ToolFolder.Length..], "linux-x64");
        }
    }

    [Test]
    public void On_linux_x64_the_installed_tool_loads_its_ReadyToRun_copies()
    {
        RequireLinuxX64();
        var run = ProcessRunner.Run(tool, ["list-policies"], environment: new Dictionary<string, string> { ["COREHOST_TRACE"] = "1" });
        run.ExitCode.ShouldBe(0, run.ToString());
        TrustedAssemblies(run.StandardError).ShouldContain(path => path.EndsWith("/runtimes/linux-x64/lib/net10.0/Microsoft.CodeAnalysis.CSharp.dll", StringComparison.Ordinal));
    }

    [Test]
    public void A_platform_without_ReadyToRun_copies_runs_the_IL_ones()
    {
        RequireLinuxX64();
        // Another platform is simulated by declaring the copies for a runtime identifier this machine is not.
        var copy = Path.Combine(folder, "other-platform");
        ZipFile.ExtractToDirectory(package, copy);
        var toolFolder = Path.Combine(copy, "tools", "net10.0", "any");
        var depsFile = Path.Combine(toolFolder, "iptables-policy.deps.json");
        File.WriteAllText(depsFile, File.ReadAllText(depsFile).Replace("\"rid\": \"linux-x64\"", "\"rid\": \"osx-arm64\"", StringComparison.Ordinal));
        var run = ProcessRunner.Run(ProcessRunner.Find("dotnet")!, [Path.Combine(toolFolder, "iptables-policy.dll"), "check", CliRunner.Example("aks-node.v4"),
            "--policies", Path.Combine(CliRunner.RepositoryRoot, "examples", "policies", "ACME001.csx"), "--cache-dir", Path.Combine(folder, "other-cache")],
            environment: new Dictionary<string, string> { ["COREHOST_TRACE"] = "1" });
        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardOutput.ShouldContain("ACME001");
        var trusted = TrustedAssemblies(run.StandardError);
        trusted.ShouldContain(path => path.EndsWith("/any/Microsoft.CodeAnalysis.CSharp.dll", StringComparison.Ordinal));
        trusted.ShouldNotContain(path => path.Contains("/runtimes/", StringComparison.Ordinal));
    }

    private static void RequireLinuxX64()
    {
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64")
            Assert.Ignore($"the package carries ReadyToRun copies only when built on linux-x64; this is {RuntimeInformation.RuntimeIdentifier}");
    }

    private static bool IsReadyToRun(ZipArchiveEntry entry)
    {
        using var bytes = new MemoryStream();
        using (var stream = entry.Open())
            stream.CopyTo(bytes);
        bytes.Position = 0;
        using var reader = new PEReader(bytes);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    /// <summary>The assembly list the host hands the runtime, from its trace (<c>COREHOST_TRACE=1</c>).</summary>
    private static string[] TrustedAssemblies(string hostTrace)
    {
        var line = hostTrace.Split('\n').First(l => l.Contains("Property TRUSTED_PLATFORM_ASSEMBLIES", StringComparison.Ordinal));
        return line[(line.IndexOf('=') + 1)..].Trim().Split(':');
    }
}
