using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Engine.Results;

/// <summary>Everything a check produced, in output order: what reporters write.</summary>
public sealed class CheckResult
{
    internal CheckResult(PolicySet policies, IReadOnlyList<Snapshot> snapshots, IReadOnlyList<Finding> findings, IReadOnlyList<PolicyFault> faults, IReadOnlyList<PolicyTiming> timings)
    {
        Policies = policies;
        Snapshots = snapshots;
        Findings = findings;
        Faults = faults;
        Timings = timings;
    }

    /// <summary>The policies that were loaded (and their descriptors).</summary>
    public PolicySet Policies { get; }

    /// <summary>The snapshots checked, in the order given.</summary>
    public IReadOnlyList<Snapshot> Snapshots { get; }

    /// <summary>The findings, sorted by file, line, column, id and message.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Every policy fault, from loading and from running, sorted.</summary>
    public IReadOnlyList<PolicyFault> Faults { get; }

    /// <summary>How long each policy ran over each snapshot, slowest first; empty unless <see cref="Running.RunOptions.MeasureTime"/> was set.</summary>
    public IReadOnlyList<PolicyTiming> Timings { get; }

    /// <summary>Baseline results this run no longer finds; empty without a baseline.</summary>
    public IReadOnlyList<AbsentResult> Absent { get; internal set; } = [];
}
