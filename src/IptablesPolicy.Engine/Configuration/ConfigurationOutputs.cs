namespace IptablesPolicy.Engine.Configuration;

/// <summary>The result files the configuration asks for (<c>outputs</c>); each null when not given. Paths are absolute.</summary>
/// <param name="Sarif">The SARIF file (<c>--sarif</c> overrides it).</param>
/// <param name="JUnit">The JUnit XML file (<c>--junit</c> overrides it).</param>
/// <param name="Json">The JSON results file (<c>--json</c> overrides it).</param>
public sealed record ConfigurationOutputs(string? Sarif, string? JUnit, string? Json)
{
    /// <summary>No output files.</summary>
    public static ConfigurationOutputs None { get; } = new(null, null, null);
}
