using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Reporting;

/// <summary>What the CI writers need besides the result: where paths are relative to, the SARIF category and limits.</summary>
public sealed record ReportOptions
{
    /// <summary>GitHub code scanning rejects a SARIF run with more results than this.</summary>
    public const int GitHubResultLimit = 25_000;

    /// <summary>The default of <c>--max-results</c>: GitHub keeps at most this many results per run.</summary>
    public const int DefaultMaxResults = 5_000;

    /// <summary>The repository root that result paths are written relative to (<c>%SRCROOT%</c>); absolute.
    /// Default: the working directory.</summary>
    public string SourceRoot { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The directory relative paths in the result were given against (default: the working directory).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Whether the user named <see cref="SourceRoot"/>: only then is its absolute URI written
    /// (SARIF <c>originalUriBaseIds</c>), so a default run writes no absolute path.</summary>
    public bool WriteSourceRootUri { get; init; }

    /// <summary>SARIF <c>automationDetails.id</c> (GitHub's upload category); null for none.</summary>
    public string? Category { get; init; }

    /// <summary>The most results SARIF and annotations carry (at most <see cref="GitHubResultLimit"/>).</summary>
    public int MaxResults { get; init; } = DefaultMaxResults;

    /// <summary>Whether SARIF carries suppressed findings (with <c>suppressions</c>); GitHub ignores that
    /// property and would open alerts for them, so they are left out by default.</summary>
    public bool IncludeSuppressed { get; init; }

    /// <summary>The severity a descriptor has in this run, null when disabled (as <c>RunOptions.SeverityOf</c>).</summary>
    public Func<PolicyDescriptor, Severity?> SeverityOf { get; init; } = PolicyConfiguration.Empty.SeverityOf;
}
