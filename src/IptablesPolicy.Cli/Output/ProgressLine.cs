namespace IptablesPolicy.Cli.Output;

/// <summary>
/// A progress line on standard error for long runs, redrawn in place: only when standard error is a terminal and
/// <c>CI</c> is not set, so logs and captured output never get it.
/// </summary>
internal sealed class ProgressLine(TextWriter error)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly Lock gate = new();
    private DateTime next = DateTime.MinValue;
    private bool drawn;

    /// <summary>Whether a progress line belongs on <paramref name="error"/>: the real console, a terminal, not CI.</summary>
    public static bool IsWanted(TextWriter error, Func<string, string?> environment) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && string.IsNullOrEmpty(environment("CI"));

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> policy runs, at most five times a second.</summary>
    public void Report(int done, int total)
    {
        lock (gate)
        {
            var now = DateTime.UtcNow;
            if (done < total && now < next)
                return;
            next = now + Interval;
            error.Write($"\rchecking: {done}/{total} policy runs ({100 * done / Math.Max(1, total)}%)");
            drawn = true;
        }
    }

    /// <summary>Erases the line, so what follows starts on a clean line.</summary>
    public void Clear()
    {
        lock (gate)
        {
            if (drawn)
                error.Write("\r\u001b[K");
            drawn = false;
        }
    }
}
