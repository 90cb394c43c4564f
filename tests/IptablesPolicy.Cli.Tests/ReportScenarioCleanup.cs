using IptablesPolicy.Cli.Tests.Reporting;

namespace IptablesPolicy.Cli.Tests;

/// <summary>Removes the report scenarios' policies and compile cache after the run (in the tests' root namespace,
/// since the CLI output tests share them with the report tests).</summary>
[SetUpFixture]
public sealed class ReportScenarioCleanup
{
    [OneTimeTearDown]
    public void DeleteScenarioFolder() => ReportScenarios.DeleteFolder();
}
