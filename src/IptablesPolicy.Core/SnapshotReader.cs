using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core;

/// <summary>
/// Reads snapshots from files or text: <c>iptables-save</c> / <c>ip6tables-save</c> output, <c>iptables -S</c>,
/// bare <c>-A</c> lines and scripts of iptables commands, detecting the format. Reading never throws for
/// bad input: problems are <see cref="Snapshot.Diagnostics"/> with file, line and column.
/// </summary>
public static class SnapshotReader
{
    /// <summary>Reads every snapshot a file holds.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="format">The format to read it as; null to detect it.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<Snapshot> ReadFile(string path, SnapshotFormat? format = null)
    {
        using var input = InputText.FromFile(path);
        return Read(input, format);
    }

    /// <summary>Reads every snapshot a text holds; <paramref name="path"/> names it in diagnostics.</summary>
    public static IReadOnlyList<Snapshot> ReadText(string text, string path = "<text>", SnapshotFormat? format = null) =>
        Read(InputText.FromString(path, text), format);

    /// <summary>Reads a text that holds one snapshot (the first when it holds several).</summary>
    public static Snapshot Parse(string text, string path = "<text>", SnapshotFormat? format = null) =>
        ReadText(text, path, format)[0];

    private static IReadOnlyList<Snapshot> Read(InputText input, SnapshotFormat? format)
    {
        var lines = input.Lines;
        IReadOnlyList<Snapshot> snapshots;
        if (format is null && Parsing.Listing.TextBlockFinder.LooksMixed(input))
        {
            // Pasted text: every listing and save fragment in it is its own snapshot.
            snapshots = Parsing.Listing.TextBlockFinder.Read(lines.ToList(), input.Path);
            if (snapshots.Count == 0)
            {
                var empty = SaveFormatParser.Parse([], input.Path, SnapshotFormat.Listing, IpFamily.Unknown, 1, impliedTable: null);
                empty.Report(new ParseDiagnostic(DiagnosticSeverity.Error, new SourceSpan(input.Path, 1, 1, 2), "no iptables listing, iptables-save output or iptables command found in the text"));
                snapshots = [empty];
            }
            return Finish(snapshots, input);
        }
        var chosen = format ?? FormatDetector.Detect(lines);
        if (chosen == SnapshotFormat.Listing)
        {
            snapshots = Parsing.Listing.ListingParser.Parse(lines.ToList(), input.Path, tableName: null, IpFamily.Unknown);
            return Finish(snapshots, input);
        }
        if (chosen == SnapshotFormat.Commands)
        {
            snapshots = CommandScriptParser.Parse(lines.ToList(), input.Path, startLine: 1);
            if (snapshots.Count == 0)
                snapshots = [SaveFormatParser.Parse([], input.Path, chosen, IpFamily.Unknown, 1, impliedTable: null)];
        }
        else
        {
            var impliedTable = chosen == SnapshotFormat.Save ? null : FormatDetector.InferTable(lines);
            var snapshot = SaveFormatParser.Parse(lines, input.Path, chosen, FormatDetector.FamilyFromHeader(lines), 1, impliedTable);
            if (impliedTable is not null)
                snapshot.Unknown = new HashSet<string> { "table" };
            snapshots = [snapshot];
        }
        return Finish(snapshots, input);
    }

    private static IReadOnlyList<Snapshot> Finish(IReadOnlyList<Snapshot> snapshots, InputText input)
    {
        foreach (var snapshot in snapshots)
        {
            foreach (var problem in input.Problems)
                snapshot.Report(problem);
            snapshot.SortDiagnostics();
        }
        return snapshots;
    }
}
