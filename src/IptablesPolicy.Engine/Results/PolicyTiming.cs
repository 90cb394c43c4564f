namespace IptablesPolicy.Engine.Results;

/// <summary>
/// How long one policy ran over one snapshot, by the wall clock, when <see cref="Running.RunOptions.MeasureTime"/>
/// asks for it: the slow policy of a pack is what a user looks for, as with Roslyn's analyzer report. The shared
/// views are built on first use, so a policy's time includes the views it was the first to need (or waited for).
/// </summary>
/// <param name="PolicyPath">The policy, as findings name it.</param>
/// <param name="Ids">The ids it declares, in declaration order.</param>
/// <param name="SnapshotPath">The snapshot it ran over.</param>
/// <param name="Elapsed">From the start of its run to its end (to the time limit, for a policy that was stopped).</param>
public sealed record PolicyTiming(string PolicyPath, IReadOnlyList<string> Ids, string SnapshotPath, TimeSpan Elapsed);
