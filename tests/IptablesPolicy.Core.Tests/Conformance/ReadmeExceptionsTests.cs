using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Conformance;

/// <summary>The README's list of conformance exceptions is the list the conformance suite reads, line for line.</summary>
[TestFixture]
public sealed class ReadmeExceptionsTests
{
    [Test]
    public void Readme_lists_every_conformance_exception_with_its_reason()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        foreach (var (key, reason) in ConformanceExceptions.All)
            readme.ShouldContain($"`{key}`: {reason}", customMessage: "README.md's conformance section must list every exception as `FILE:LINE family kind`: reason");
    }
}
