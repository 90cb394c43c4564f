using System.Diagnostics;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Running;

/// <summary>
/// Runs every loaded policy over every snapshot, in parallel, each run on its own thread under a time limit:
/// a script body never yields, so only a thread the runner can walk away from stops an endless loop (the
/// thread is abandoned, keeps its core until the process exits, and its findings are dropped). An
/// exception or a timeout becomes a <see cref="PolicyFault"/>; the other runs carry on.
/// </summary>
internal static class PolicyRunner
{
    private const int PolicyStackSize = 16 * 1024 * 1024;

    public static CheckResult Run(PolicySet policies, IReadOnlyList<Snapshot> snapshots, RunOptions options)
    {
        var views = snapshots.Select(s => new SnapshotViews(s)).ToArray();
        var work = (from view in views
                    from policy in policies.Policies
                    where policy.Descriptors.Any(d => options.SeverityOf(d) is not null)
                    select (view, policy)).ToArray();
        var findings = new List<Finding>();
        var faults = new List<PolicyFault>(policies.Faults);
        var timings = new List<PolicyTiming>();
        var gate = new Lock();
        var done = 0;
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism) }, item =>
        {
            var started = Stopwatch.GetTimestamp();
            var (runFindings, fault) = RunOne(item.policy, item.view, options);
            var elapsed = Stopwatch.GetElapsedTime(started);
            lock (gate)
            {
                if (options.MeasureTime)
                    timings.Add(new PolicyTiming(item.policy.Source.DisplayPath, item.policy.Descriptors.Select(d => d.Id).ToArray(), item.view.Snapshot.Path, elapsed));
                findings.AddRange(runFindings);
                if (fault is not null)
                    faults.Add(fault);
                options.Progress?.Invoke(++done, work.Length);
            }
        });
        var sorted = FindingOrder.Sort(findings);
        Fingerprints.Assign(sorted);
        var slowestFirst = timings
            .OrderByDescending(t => t.Elapsed)
            .ThenBy(t => t.PolicyPath, StringComparer.Ordinal)
            .ThenBy(t => t.SnapshotPath, StringComparer.Ordinal)
            .ToArray();
        return new CheckResult(policies, snapshots, sorted, FindingOrder.Sort(faults), slowestFirst);
    }

    private static (IReadOnlyList<Finding> Findings, PolicyFault? Fault) RunOne(LoadedPolicy policy, SnapshotViews view, RunOptions options)
    {
        var reported = new List<Diagnostic>();
        using var stop = new CancellationTokenSource();
        var context = new PolicyContext(view, policy.Descriptors, reported.Add, stop.Token);
        Exception? failure = null;
        using var finished = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            try
            {
                policy.Run(context).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                try
                {
                    finished.Set();
                }
                catch (ObjectDisposedException)
                {
                    // The runner stopped waiting (timeout) and has moved on.
                }
            }
        }, PolicyStackSize)
        {
            IsBackground = true,
            Name = $"policy {policy.Source.Name}",
        };
        thread.Start();
        var snapshotPath = view.Snapshot.Path;
        if (!finished.Wait(options.PolicyTimeout))
        {
            stop.Cancel();
            return ([], new PolicyFault(FaultKind.Timeout, policy.Source.DisplayPath, FirstLine(policy),
                $"the policy ran longer than {options.PolicyTimeout.TotalSeconds:0.###} s and was stopped; its findings for this snapshot are dropped (--policy-timeout sets the limit)", snapshotPath));
        }
        if (failure is not null)
        {
            var exception = ExceptionLocator.Unwrap(failure);
            var at = ExceptionLocator.Locate(exception, policy.Files) ?? FirstLine(policy);
            return ([], new PolicyFault(FaultKind.Exception, policy.Source.DisplayPath, at,
                $"the policy threw {exception.GetType().Name}: {exception.Message.Split('\n')[0].Trim()}; its findings for this snapshot are dropped", snapshotPath));
        }
        var descriptors = policy.Descriptors.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var findings = new List<Finding>(reported.Count);
        foreach (var diagnostic in reported)
        {
            var descriptor = descriptors[diagnostic.Id];
            if (options.SeverityOf(descriptor) is { } severity)
                findings.Add(new Finding(diagnostic, descriptor, severity, policy.Source.DisplayPath, view.Snapshot));
        }
        return (findings, null);
    }

    private static SourceSpan FirstLine(LoadedPolicy policy) => new(policy.Source.Path, 1, 1, 2);
}
