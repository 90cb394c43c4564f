using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Running;

/// <summary>How policies run: their time limit, how many run at once, and which run at what severity.</summary>
public sealed record RunOptions
{
    /// <summary>How long one policy may run over one snapshot before it is stopped and reported (default 30 s).</summary>
    public TimeSpan PolicyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many policy runs happen at once (default: the number of cores).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The severity a descriptor's findings get in this run, null to leave it out (default: its default
    /// severity when enabled by default, else left out). Configuration (severities, enable/disable) plugs in here.</summary>
    public Func<PolicyDescriptor, Severity?> SeverityOf { get; init; } = PolicyConfiguration.Empty.SeverityOf;

    /// <summary>Called after each (policy, snapshot) run with how many are done and how many there are in all, from
    /// worker threads one at a time; null for none. The tool's progress line plugs in here.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Whether to time each (policy, snapshot) run into <see cref="Results.CheckResult.Timings"/> (default false).</summary>
    public bool MeasureTime { get; init; }
}
