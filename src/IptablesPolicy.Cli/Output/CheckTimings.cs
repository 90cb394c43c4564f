using System.Diagnostics;
using System.Globalization;
using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Cli.Output;

/// <summary>
/// What <c>check --timings</c> writes to standard error: the wall-clock time of each step of the run and of each
/// policy, slowest first. Times differ from run to run, so they never go into the reports, which stay byte-identical.
/// </summary>
internal sealed class CheckTimings
{
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly List<(string Step, TimeSpan Elapsed, string Detail)> steps = [];
    private readonly List<string> notes = [];
    private long stepStarted = Stopwatch.GetTimestamp();
    private (int Count, TimeSpan Paused) collectionsBefore = Collections();

    /// <summary>
    /// Ends the current step, which began when the last one ended (or when the run began). The garbage
    /// collections during it are added to its detail: on a large snapshot they are a good part of a step.
    /// </summary>
    public void EndStep(string step, string detail)
    {
        var now = Stopwatch.GetTimestamp();
        var collections = Collections();
        var count = collections.Count - collectionsBefore.Count;
        if (count > 0)
        {
            var paused = $"{count} garbage collection{(count == 1 ? "" : "s")}, {Seconds(collections.Paused - collectionsBefore.Paused)} paused";
            detail = detail.Length > 0 ? $"{detail}; {paused}" : paused;
        }
        steps.Add((step, Stopwatch.GetElapsedTime(stepStarted, now), detail));
        stepStarted = now;
        collectionsBefore = collections;
    }

    /// <summary>Records a step that ran beside the others, measured by the caller.</summary>
    public void AddParallelStep(string step, TimeSpan elapsed, string detail) => steps.Add((step, elapsed, detail));

    /// <summary>Adds a line written after the steps: how the run was set up, when it explains the times.</summary>
    public void AddNote(string note) => notes.Add(note);

    /// <summary>Writes the steps in the order recorded, then every policy (summed over the snapshots), slowest first.</summary>
    public void Write(CheckResult result, TextWriter error)
    {
        WriteSteps(error);
        var policies = result.Timings
            .GroupBy(t => t.PolicyPath, StringComparer.Ordinal)
            .Select(g => (Path: g.Key, Ids: string.Join(", ", g.First().Ids), Elapsed: TimeSpan.FromTicks(g.Sum(t => t.Elapsed.Ticks))))
            .OrderByDescending(p => p.Elapsed)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToArray();
        if (policies.Length == 0)
            return;
        error.WriteLine("policies, slowest first (each includes building the shared views it was the first to need):");
        var idWidth = policies.Max(p => p.Ids.Length);
        foreach (var (path, ids, elapsed) in policies)
            error.WriteLine($"  {Seconds(elapsed)}  {ids.PadRight(idWidth)}  {path}");
    }

    /// <summary>Writes the heading and the steps in the order recorded.</summary>
    public void WriteSteps(TextWriter error)
    {
        error.WriteLine($"timings (wall clock, {Environment.ProcessorCount} cores, {Seconds(Stopwatch.GetElapsedTime(started))} in all):");
        var width = steps.Count == 0 ? 0 : steps.Max(s => s.Step.Length);
        foreach (var (step, elapsed, detail) in steps)
            error.WriteLine($"  {step.PadRight(width)}  {Seconds(elapsed)}{(detail.Length > 0 ? "  " + detail : "")}");
        foreach (var note in notes)
            error.WriteLine($"  {note}");
    }

    // Every collection counts in generation 0 (a generation-2 collection collects the younger ones too).
    private static (int Count, TimeSpan Paused) Collections() => (GC.CollectionCount(0), GC.GetTotalPauseDuration());

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
}
