using System.Globalization;
using System.Runtime;

namespace IptablesPolicy.Cli;

/// <summary>
/// Keeps the garbage collector out of a <c>check</c> run while its allocations fit a budget sized from its
/// input. A check is a batch: it builds a large model, keeps all of it to the end, and exits. On a large
/// snapshot every collection while reading is a full, blocking one (set off by the large-object heap) that
/// marks the whole model built so far: three of them took 0.17 to 0.29 s of a 10k-service check's 1.0 to 1.3 s
/// read. Inside the budget no collection runs and the process ends holding its garbage; past it the runtime
/// collects once and goes on as usual.
/// </summary>
/// <remarks>
/// The budget is <see cref="BytesPerInputByte"/> times the input plus <see cref="BaseBytes"/> (a warm check of
/// the 10k-service snapshot allocates 10 to 12 times the file, policies and reports included), and it is only
/// taken when it is at most <see cref="MaxBytes"/> and an eighth of the memory the process may use: a larger
/// input runs with the collector as usual, since running out of a budget costs one full collection of
/// everything built so far, more than the collections it saved. One budget at a time per process.
/// </remarks>
internal sealed class CollectorBudget : IDisposable
{
    public const long BytesPerInputByte = 16;

    public const long BaseBytes = 96L << 20;

    public const long MaxBytes = 1L << 30;

    private static readonly Lock Gate = new();
    private static bool held;

    private bool owned;

    private CollectorBudget(long bytes)
    {
        Bytes = bytes;
        owned = bytes > 0;
    }

    /// <summary>The bytes the run may allocate without a collection; 0 when no budget was taken.</summary>
    public long Bytes { get; }

    /// <summary>True while the run is still inside its budget (no collection has run since it started).</summary>
    public bool IsHeld => Bytes > 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    /// <summary>The budget for a run over <paramref name="inputBytes"/> bytes of snapshots, or none (see the remarks).</summary>
    public static CollectorBudget For(long inputBytes) =>
        For(inputBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    internal static CollectorBudget For(long inputBytes, long availableBytes)
    {
        var bytes = BaseBytes + (inputBytes * BytesPerInputByte);
        if (inputBytes < 0 || bytes > MaxBytes || bytes > availableBytes / 8)
            return new CollectorBudget(0);
        lock (Gate)
        {
            if (held)
                return new CollectorBudget(0);
            try
            {
                if (!GC.TryStartNoGCRegion(bytes))
                    return new CollectorBudget(0);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
            {
                // Larger than this runtime's collector allows, or another component of the process holds a region.
                return new CollectorBudget(0);
            }
            held = true;
            return new CollectorBudget(bytes);
        }
    }

    /// <summary>One line for <c>--timings</c>: the budget and whether the run stayed inside it so far.</summary>
    public string Describe(long inputBytes)
    {
        var input = Megabytes(inputBytes);
        if (Bytes == 0)
            return $"none for {input} of snapshots (one is taken only up to {Megabytes(MaxBytes)} and an eighth of the memory available, and when the runtime grants it): the collector ran as usual";
        return IsHeld
            ? $"{Megabytes(Bytes)} for {input} of snapshots, not outgrown: no collection after the start"
            : $"{Megabytes(Bytes)} for {input} of snapshots, outgrown: the collector ran as usual from then on";
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (!owned)
                return;
            // A run that outgrew its budget already left the region when the runtime collected.
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
                GC.EndNoGCRegion();
            owned = held = false;
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
