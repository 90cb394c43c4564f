namespace IptablesPolicy.Core.Model;

/// <summary>
/// A ruleset read from one input: its tables in order, what the input format could not show, and the
/// problems found while reading it. A file that holds several rulesets (notes, a terminal session)
/// gives one snapshot per block, each knowing the line it starts at.
/// </summary>
public sealed class Snapshot
{
    private readonly List<Table> tables = [];
    private readonly List<ParseDiagnostic> diagnostics = [];

    internal Snapshot(string path, SnapshotFormat format, IpFamily family, int startLine)
    {
        Path = path;
        Format = format;
        Family = family;
        StartLine = startLine;
    }

    /// <summary>The file the snapshot was read from.</summary>
    public string Path { get; }

    /// <summary>The format the snapshot was read as.</summary>
    public SnapshotFormat Format { get; }

    /// <summary>The address family: from the input's header, its <c>-4</c>/<c>-6</c> lines or its addresses.</summary>
    public IpFamily Family { get; internal set; }

    /// <summary>The 1-based line of the file where the snapshot starts.</summary>
    public int StartLine { get; }

    /// <summary>The tables, in the order the input has them.</summary>
    public IReadOnlyList<Table> Tables => tables;

    /// <summary>Every rule of every table, in input order.</summary>
    public IEnumerable<Rule> Rules => tables.SelectMany(t => t.Rules);

    /// <summary>
    /// The names of the fields the whole snapshot cannot show (for example <c>table</c> when a bare
    /// <c>-A</c> fragment did not say which table it came from and the table was inferred).
    /// </summary>
    public IReadOnlySet<string> Unknown { get; internal set; } = RuleSpec.EmptyUnknown;

    /// <summary>The problems found while reading, in input order.</summary>
    public IReadOnlyList<ParseDiagnostic> Diagnostics => diagnostics;

    /// <summary>True when reading found an error (a line or part of one could not be read).</summary>
    public bool HasErrors => diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The table of that name, or null.</summary>
    public Table? FindTable(string name) => tables.FirstOrDefault(t => t.Name == name);

    internal Table AddTable(string name, SourceSpan? span)
    {
        var table = new Table(name, span);
        tables.Add(table);
        return table;
    }

    internal void Report(ParseDiagnostic diagnostic) => diagnostics.Add(diagnostic);

    /// <summary>Puts the diagnostics in file order, so output does not depend on which reader found them first.</summary>
    internal void SortDiagnostics() =>
        diagnostics.Sort((a, b) => (a.Span.Line, a.Span.StartColumn).CompareTo((b.Span.Line, b.Span.StartColumn)));
}
