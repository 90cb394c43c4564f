using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Configuration;

/// <summary>
/// The configuration file (<c>iptables-policy.json</c>), validated and resolved: paths and globs are absolute
/// (relative ones are taken from the file's folder). Command-line options override what it says.
/// </summary>
public sealed class PolicyConfiguration
{
    /// <summary>An empty configuration: every default, for runs without a file.</summary>
    public static PolicyConfiguration Empty { get; } = new();

    /// <summary>The file as it was named (for messages); null for <see cref="Empty"/>.</summary>
    public string? Path { get; init; }

    /// <summary>The folder relative paths and snapshot globs are taken from (the working directory for <see cref="Empty"/>).</summary>
    public string Directory { get; init; } = System.IO.Directory.GetCurrentDirectory();

    /// <summary>Policy files, folders or globs besides the built-in pack (absolute).</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Snapshot files, folders or globs to check when the command line names none (absolute).</summary>
    public IReadOnlyList<string> Snapshots { get; init; } = [];

    /// <summary>Whether the built-in pack is left out.</summary>
    public bool NoBuiltin { get; init; }

    /// <summary>Severity per policy id; a null value turns the policy off (<c>none</c>).</summary>
    public IReadOnlyDictionary<string, Severity?> IdSeverities { get; init; } = new Dictionary<string, Severity?>();

    /// <summary>Severity per category (compared ignoring case); a null value turns the category's policies off.</summary>
    public IReadOnlyDictionary<string, Severity?> CategorySeverities { get; init; } = new Dictionary<string, Severity?>();

    /// <summary>Policy ids that do not run.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>();

    /// <summary>The suppressions, in file order.</summary>
    public IReadOnlyList<ConfiguredSuppression> Suppressions { get; init; } = [];

    /// <summary>The least severity that fails the run (<c>error</c>, <c>warning</c>, <c>note</c>, <c>never</c>); null when not given.</summary>
    public string? FailLevel { get; init; }

    /// <summary>Which findings can fail the run (<c>all</c>, <c>new</c>); null when not given.</summary>
    public string? FailOn { get; init; }

    /// <summary>The baseline SARIF file (absolute); null when not given.</summary>
    public string? Baseline { get; init; }

    /// <summary>The result files to write.</summary>
    public ConfigurationOutputs Outputs { get; init; } = ConfigurationOutputs.None;

    /// <summary>
    /// The severity a descriptor's findings get, null when the policy does not run: <see cref="Disabled"/> first,
    /// then the severity by id (which also turns on a policy that is off by default), then, for policies on by
    /// default, the severity by category, then the default. This is the precedence .editorconfig gives Roslyn
    /// diagnostics (<c>dotnet_diagnostic.ID.severity</c> over <c>dotnet_analyzer_diagnostic.category-X.severity</c>,
    /// which leaves rules that are off by default off). Plug it into <see cref="Running.RunOptions.SeverityOf"/>.
    /// </summary>
    public Severity? SeverityOf(PolicyDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (Disabled.Contains(descriptor.Id))
            return null;
        if (IdSeverities.TryGetValue(descriptor.Id, out var byId))
            return byId;
        if (!descriptor.IsEnabledByDefault)
            return null;
        return CategorySeverities.TryGetValue(descriptor.Category, out var byCategory) ? byCategory : descriptor.DefaultSeverity;
    }
}
