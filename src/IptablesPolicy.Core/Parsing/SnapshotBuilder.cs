using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Applies what the line parsers read (tables, chain declarations, policies, appended and inserted rules)
/// to a <see cref="Snapshot"/>, and turns line problems into diagnostics with the file's path.
/// </summary>
internal sealed class SnapshotBuilder
{
    private readonly List<LineProblem> problems = [];
    private readonly List<Token> tokens = new(64);
    private readonly StringPool pool = new();
    private readonly RuleArgumentParser ruleParser = new();
    private RuleContext? lastContext;

    public SnapshotBuilder(string path, SnapshotFormat format, IpFamily family, int startLine)
    {
        Snapshot = new Snapshot(path, format, family, startLine);
    }

    public Snapshot Snapshot { get; }

    public string Path => Snapshot.Path;

    public Table? CurrentTable { get; set; }

    public void Error(SourceLine line, string message, int startColumn = 1, int? endColumn = null) =>
        Report(DiagnosticSeverity.Error, line, message, startColumn, endColumn);

    public void Warning(SourceLine line, string message, int startColumn = 1, int? endColumn = null) =>
        Report(DiagnosticSeverity.Warning, line, message, startColumn, endColumn);

    public Table BeginTable(string name, SourceLine line)
    {
        var table = Snapshot.FindTable(name);
        if (table is null)
        {
            // A table implied by a headerless input (line 0) has no place in the file.
            SourceSpan? span = line.Number > 0 ? new SourceSpan(Path, line.Number, 1, line.EndColumn) : null;
            table = Snapshot.AddTable(name, span);
            // Inputs without chain declarations (-S, bare -A lines, scripts) still have the table's built-in
            // chains, first and in iptables-save order; their policy stays unknown until a -P line sets it.
            if (Snapshot.Format != SnapshotFormat.Save)
            {
                foreach (var builtIn in BuiltInChains.Of(name))
                    table.GetOrAddChain(builtIn, span: null);
            }
        }
        CurrentTable = table;
        return table;
    }

    /// <summary>Declares a chain (<c>:NAME POLICY [p:b]</c>, <c>-N NAME</c>) or sets a built-in chain's policy (<c>-P</c>).</summary>
    public Chain DeclareChain(Table table, string name, SourceLine line, int nameColumn, string? policy = null, Counters? counters = null)
    {
        var span = new SourceSpan(Path, line.Number, nameColumn, nameColumn + name.Length);
        var chain = table.GetOrAddChain(name, span);
        chain.Span ??= span;
        if (policy is not null)
            chain.Policy = policy;
        if (counters is not null)
            chain.PolicyCounters = counters;
        return chain;
    }

    /// <summary>
    /// Tokenizes and parses a rule line and adds the rule to <paramref name="chainName"/> at
    /// <paramref name="position"/> (1-based, null to append). Returns false when the line could not be tokenized.
    /// <paramref name="complete"/> lets a reader add what the arguments cannot say (a listing's unknown fields, host names).
    /// </summary>
    public bool AddRule(Table table, string chainName, SourceLine line, IReadOnlyList<Token> lineTokens, int argumentStart, int? position, Counters? counters, int ruleStartColumn, Func<RuleSpec, RuleSpec>? complete = null)
    {
        problems.Clear();
        // Consecutive rules of a save file share their chain, so they share one context.
        var context = lastContext is { } last && last.Family == Snapshot.Family && last.Table == table && last.Chain == chainName
            ? last
            : lastContext = new RuleContext(Snapshot.Family, table, chainName);
        var (spec, family) = ruleParser.Parse(lineTokens, argumentStart, context, problems, counters);
        if (complete is not null)
            spec = complete(spec);
        if (Snapshot.Family == IpFamily.Unknown && family != IpFamily.Unknown)
            Snapshot.Family = family;
        foreach (var problem in problems)
            Snapshot.Report(new ParseDiagnostic(problem.Severity, new SourceSpan(Path, line.Number, problem.StartColumn, problem.EndColumn), problem.Message));
        var chain = table.FindChain(chainName) ?? table.GetOrAddChain(chainName, span: null);
        var rule = new Rule(chain, new SourceSpan(Path, line.Number, ruleStartColumn, line.EndColumn), spec);
        if (position is int p)
            chain.Insert(p - 1, rule);
        else
            chain.Add(rule);
        return true;
    }

    /// <summary>
    /// Adds a rule a <see cref="RuleLineWorker"/> read, with its problems. With
    /// <paramref name="requireDeclaredChain"/>, a rule whose chain was not declared before its line is an error.
    /// </summary>
    public void AddParsedRule(in ParsedRuleLine item, bool requireDeclaredChain)
    {
        if (item.Problems is { } found)
        {
            foreach (var problem in found)
                Snapshot.Report(new ParseDiagnostic(problem.Severity, new SourceSpan(Path, item.Line.Number, problem.StartColumn, problem.EndColumn), problem.Message));
        }
        if (!item.HasRule || item.Chain is not { } name)
            return;
        var chain = item.Table.FindChain(name.Text);
        // A chain made by an earlier rule (no declaration) was reported then; one declared after this line was not declared yet.
        if (requireDeclaredChain && (chain is null || chain.Span is { } declared && declared.Line > item.Line.Number))
            Error(item.Line, $"chain {name.Text} is not declared in table {item.Table.Name}: expected :{name.Text} - [0:0] before its rules", name.StartColumn, name.EndColumn);
        chain ??= item.Table.GetOrAddChain(name.Text, span: null);
        var rule = new Rule(chain, new SourceSpan(Path, item.Line.Number, item.RuleStartColumn, item.Line.EndColumn), item.Spec);
        if (item.Position is int p)
            chain.Insert(p - 1, rule);
        else
            chain.Add(rule);
    }

    /// <summary>
    /// Splits a line into arguments; on an unterminated quote reports it and returns null. The list is
    /// reused by the next call, so a line's tokens are used before the next line is read.
    /// </summary>
    public List<Token>? Tokenize(SourceLine line, int start, QuotingStyle style)
    {
        tokens.Clear();
        if (ArgumentTokenizer.TryTokenize(line, start, style, tokens, out var error, out var column, pool))
            return tokens;
        Error(line, error!, column);
        return null;
    }

    private void Report(DiagnosticSeverity severity, SourceLine line, string message, int startColumn, int? endColumn)
    {
        var end = endColumn ?? Math.Max(startColumn + 1, line.EndColumn);
        Snapshot.Report(new ParseDiagnostic(severity, new SourceSpan(Path, line.Number, startColumn, end), message));
    }
}
