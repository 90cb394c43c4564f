using System.IO.Compression;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Testing.Tests;

/// <summary>IptablesPolicy.Testing is its own NuGet package, for authors who keep policy tests in their own test projects.</summary>
[TestFixture]
[Category("Slow")]
public sealed class PackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Test]
    public void Packs_as_its_own_package_that_depends_on_the_engine()
    {
        var dotnet = ProcessRunner.Find("dotnet");
        Prerequisites.Require(dotnet is not null, "the dotnet CLI is not on PATH");
        var folder = Path.Combine(Path.GetTempPath(), "iptables-policy-testing-pack", Guid.NewGuid().ToString("N"));
        try
        {
            // The test run has just built the library in this configuration: pack that build.
            var packed = ProcessRunner.Run(dotnet!, ["pack", Path.Combine(RepositoryPaths.Root, "src", "IptablesPolicy.Testing"), "--no-build", "-c", Configuration, "-o", folder, "--nologo"], timeoutSeconds: 300);
            packed.ExitCode.ShouldBe(0, packed.ToString());

            var package = Directory.GetFiles(folder, "IptablesPolicy.Testing.*.nupkg").ShouldHaveSingleItem();
            using var zip = ZipFile.OpenRead(package);
            zip.Entries.Select(e => e.FullName).ShouldContain("lib/net10.0/IptablesPolicy.Testing.dll");
            zip.Entries.Select(e => e.FullName).ShouldContain("lib/net10.0/IptablesPolicy.Testing.xml");
            using var nuspec = new StreamReader(zip.GetEntry("IptablesPolicy.Testing.nuspec")!.Open());
            nuspec.ReadToEnd().ShouldContain("<dependency id=\"IptablesPolicy.Engine\"");
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
