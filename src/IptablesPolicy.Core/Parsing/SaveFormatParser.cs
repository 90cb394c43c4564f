using System.Globalization;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Reads <c>iptables-save</c> / <c>ip6tables-save</c> output (with or without <c>-c</c> counters), <c>iptables -S</c>
/// output and bare <c>-A</c> lines, line by line: a bad line is reported and skipped, never the rest.
/// </summary>
internal sealed class SaveFormatParser
{
    private readonly SnapshotBuilder builder;
    private readonly SnapshotFormat format;
    private Table? table;
    private bool committed = true;
    private SourceLine tableLine;

    // Rule lines are read in chunks, by as many workers as there are cores, then added in line order.
    private const int ChunkLines = 4096;
    private const int MinLinesPerWorker = 2048;
    private ParsedRuleLine[] pending = [];
    private int pendingCount;
    private RuleLineWorker[]? workers;

    private SaveFormatParser(SnapshotBuilder builder, SnapshotFormat format)
    {
        this.builder = builder;
        this.format = format;
    }

    public static Snapshot Parse(IEnumerable<SourceLine> lines, string path, SnapshotFormat format, IpFamily family, int startLine, string? impliedTable)
    {
        var builder = new SnapshotBuilder(path, format, family, startLine);
        var parser = new SaveFormatParser(builder, format);
        if (impliedTable is not null)
            parser.table = builder.BeginTable(impliedTable, default);
        SourceLine last = default;
        foreach (var line in lines)
        {
            parser.ReadLine(line);
            last = line;
        }
        parser.Finish(last);
        return builder.Snapshot;
    }

    private void ReadLine(SourceLine line)
    {
        var text = line.Span;
        var start = 0;
        while (start < text.Length && text[start] is ' ' or '\t')
            start++;
        if (start >= text.Length)
            return;
        if (text[start] == '#')
        {
            builder.Snapshot.Producer ??= Grammars.SaveHeaderGrammar.TryParse(line.Text);
            return;
        }
        if (HasControlCharacter(text[start..]))
        {
            builder.Error(line, "binary data: expected a line of iptables-save text", start + 1);
            return;
        }
        // iptables-restore reads lines prefixed with -4 or -6 only in the matching family (ipt-restore 0005/0006).
        if (text[start..].StartsWith("-4 ") || text[start..].StartsWith("-6 "))
        {
            var lineFamily = text[start + 1] == '4' ? IpFamily.IPv4 : IpFamily.IPv6;
            if (builder.Snapshot.Family != IpFamily.Unknown && builder.Snapshot.Family != lineFamily)
                return;
            start += 3;
        }
        switch (text[start])
        {
            case '*':
                ReadTableHeader(line, start);
                break;
            case ':':
                ReadChainDeclaration(line, start);
                break;
            case '[':
                ReadCountedRule(line, start);
                break;
            case '-':
                if (!TryDefer(line, start, counters: null))
                    ReadCommand(line, start, counters: null);
                break;
            default:
                if (text[start..].TrimEnd().SequenceEqual("COMMIT"))
                    ReadCommit(line);
                else
                    builder.Error(line, $"unexpected '{Excerpt(line.Text, start)}': expected *table, :CHAIN, a -A rule, COMMIT or a # comment", start + 1);
                break;
        }
    }

    private void ReadTableHeader(SourceLine line, int start)
    {
        var name = line.Text[(start + 1)..].Trim();
        if (!committed && table is not null)
        {
            table.IsTruncated = true;
            builder.Error(line, $"*{name} before COMMIT of table {table.Name} (line {tableLine.Number}): expected COMMIT to end the table first", start + 1);
        }
        if (name.Length == 0)
        {
            builder.Error(line, "empty table name: expected *filter, *nat, *mangle, *raw or *security", start + 1);
            table = null;
            return;
        }
        if (!BuiltInChains.IsKnownTable(name))
            builder.Error(line, $"unknown table '{name}': expected filter, nat, mangle, raw or security", start + 2, start + 2 + name.Length);
        table = builder.BeginTable(name, line);
        tableLine = line;
        committed = false;
    }

    private void ReadCommit(SourceLine line)
    {
        if (table is null || committed)
            builder.Error(line, "COMMIT without a table: expected a *table header before it");
        committed = true;
        if (format == SnapshotFormat.Save)
            table = null;
    }

    private void ReadChainDeclaration(SourceLine line, int start)
    {
        if (RequireTable(line, start) is not { } current)
            return;
        var tokens = builder.Tokenize(line, start + 1, QuotingStyle.Restore);
        if (tokens is null || tokens.Count == 0)
        {
            builder.Error(line, "empty chain name: expected :NAME POLICY [packets:bytes]", start + 1);
            return;
        }
        var name = tokens[0];
        var isBuiltIn = BuiltInChains.IsBuiltIn(current.Name, name.Text);
        string? policy = null;
        Counters? counters = null;
        if (tokens.Count < 2)
            builder.Warning(line, $"chain {name.Text} has no policy: expected :{name.Text} {(isBuiltIn ? "ACCEPT" : "-")} [0:0]", name.StartColumn, name.EndColumn);
        else
        {
            var policyToken = tokens[1];
            if ((isBuiltIn || !BuiltInChains.IsKnownTable(current.Name)) && policyToken.Text is "ACCEPT" or "DROP")
                policy = policyToken.Text;
            else if (!BuiltInChains.IsKnownTable(current.Name) && policyToken.Text == "-")
                policy = null;
            else if (isBuiltIn || policyToken.Text != "-")
                builder.Error(line, $"invalid policy '{policyToken.Text}' for {(isBuiltIn ? "built-in" : "user-defined")} chain {name.Text}: expected {(isBuiltIn ? "ACCEPT or DROP" : "-")}", policyToken.StartColumn, policyToken.EndColumn);
        }
        if (tokens.Count >= 3)
        {
            counters = ParseCounters(tokens[2].Text);
            if (counters is null)
                builder.Error(line, $"invalid counters '{tokens[2].Text}': expected [packets:bytes]", tokens[2].StartColumn, tokens[2].EndColumn);
        }
        if (tokens.Count > 3)
            builder.Error(line, $"unexpected '{tokens[3].Text}' after the chain's counters", tokens[3].StartColumn, tokens[3].EndColumn);
        builder.DeclareChain(current, name.Text, line, name.StartColumn, policy, counters);
    }

    private void ReadCountedRule(SourceLine line, int start)
    {
        var text = line.Span;
        var close = text[start..].IndexOf(']');
        close = close < 0 ? -1 : close + start;
        var counters = close < 0 ? null : ParseCounters(text[start..(close + 1)]);
        if (counters is null)
        {
            builder.Error(line, "invalid rule counters: expected [packets:bytes] before -A", start + 1);
            return;
        }
        var next = close + 1;
        while (next < text.Length && text[next] is ' ' or '\t')
            next++;
        if (next >= text.Length || text[next] != '-')
        {
            builder.Error(line, "expected -A CHAIN after the rule counters", next + 1);
            return;
        }
        if (!TryDefer(line, next, counters))
            ReadCommand(line, next, counters);
    }

    private void ReadCommand(SourceLine line, int start, Counters? counters)
    {
        var tokens = builder.Tokenize(line, start, QuotingStyle.Restore);
        if (tokens is null || tokens.Count == 0)
            return;
        var command = tokens[0];
        switch (command.Text)
        {
            case "-A" or "--append" or "-I" or "--insert":
                ReadRule(line, tokens, start, counters);
                break;
            case "-N" or "--new-chain":
                if (RequireTable(line, start) is { } newChainTable && RequireChainName(line, tokens) is { } newChain)
                    builder.DeclareChain(newChainTable, newChain.Text, line, newChain.StartColumn);
                break;
            case "-P" or "--policy":
                ReadPolicy(line, tokens, start);
                break;
            case "-t" or "--table":
                builder.Error(line, "-t cannot be used in iptables-save input: the table comes from the *table header", command.StartColumn, command.EndColumn);
                break;
            case "-D" or "--delete" or "-R" or "--replace" or "-F" or "--flush" or "-X" or "--delete-chain" or "-Z" or "--zero" or "-E" or "--rename-chain":
                builder.Warning(line, $"{command.Text} changes a live ruleset and was not applied: expected -A, -I, -N or -P in a snapshot", command.StartColumn, command.EndColumn);
                break;
            default:
                builder.Error(line, $"unknown command '{Excerpt(command.Text, 0)}': expected -A CHAIN followed by the rule", command.StartColumn, command.EndColumn);
                break;
        }
    }

    private void ReadRule(SourceLine line, List<Token> tokens, int start, Counters? counters)
    {
        if (RequireTable(line, start) is not { } current || RequireChainName(line, tokens) is not { } chain)
            return;
        var argumentStart = 2;
        int? position = null;
        if (tokens[0].Text is "-I" or "--insert")
        {
            position = 1;
            if (tokens.Count > 2 && int.TryParse(tokens[2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                position = p;
                argumentStart = 3;
            }
        }
        if (current.FindChain(chain.Text) is null && format == SnapshotFormat.Save)
            builder.Error(line, $"chain {chain.Text} is not declared in table {current.Name}: expected :{chain.Text} - [0:0] before its rules", chain.StartColumn, chain.EndColumn);
        builder.AddRule(current, chain.Text, line, tokens, argumentStart, position, counters, tokens[0].StartColumn);
    }

    private void ReadPolicy(SourceLine line, List<Token> tokens, int start)
    {
        if (RequireTable(line, start) is not { } current || RequireChainName(line, tokens) is not { } chain)
            return;
        if (tokens.Count < 3 || tokens[2].Text is not ("ACCEPT" or "DROP"))
        {
            builder.Error(line, $"-P {chain.Text} needs a policy: expected ACCEPT or DROP", chain.StartColumn);
            return;
        }
        Counters? counters = null;
        if (tokens.Count >= 5 && tokens[3].Text == "-c" && ulong.TryParse(tokens[4].Text, out var packets) && tokens.Count >= 6 && ulong.TryParse(tokens[5].Text, out var bytes))
            counters = new Counters(packets, bytes);
        builder.DeclareChain(current, chain.Text, line, chain.StartColumn, tokens[2].Text, counters);
    }

    private Table? RequireTable(SourceLine line, int start)
    {
        if (table is not null && (!committed || format != SnapshotFormat.Save))
            return table;
        builder.Error(line, "rule or chain before any table header: expected *filter, *nat, *mangle, *raw or *security first", start + 1);
        return null;
    }

    private Token? RequireChainName(SourceLine line, List<Token> tokens)
    {
        if (tokens.Count >= 2 && !tokens[1].IsOption)
            return tokens[1];
        builder.Error(line, $"{tokens[0].Text} needs a chain name", tokens[0].StartColumn, tokens[0].EndColumn);
        return null;
    }

    /// <summary>
    /// Queues an <c>-A</c>/<c>-I</c> line for the workers. Only once the family is known: until then each rule
    /// may decide it, so rules are read one by one in order.
    /// </summary>
    private bool TryDefer(SourceLine line, int start, Counters? counters)
    {
        if (builder.Snapshot.Family == IpFamily.Unknown || !IsRuleCommand(line.Span[start..]))
            return false;
        if (RequireTable(line, start) is { } current)
        {
            if (pendingCount == pending.Length)
                Array.Resize(ref pending, Math.Clamp(pending.Length * 2, 64, ChunkLines));
            pending[pendingCount++] = new ParsedRuleLine { Line = line, Table = current, Start = start, Counters = counters };
            if (pendingCount == ChunkLines)
                Flush();
        }
        return true;
    }

    private static bool IsRuleCommand(ReadOnlySpan<char> text) =>
        text.StartsWith("-A ") || text.StartsWith("-I ") || text.StartsWith("--append ") || text.StartsWith("--insert ");

    private void Flush()
    {
        if (pendingCount == 0)
            return;
        var family = builder.Snapshot.Family;
        var count = pendingCount;
        var parallelism = Math.Clamp(count / MinLinesPerWorker, 1, Environment.ProcessorCount);
        workers ??= new RuleLineWorker[Environment.ProcessorCount];
        // Workers only read the snapshot (which chains exist); nothing changes it until they are done.
        Parallel.For(0, parallelism, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, w =>
        {
            var worker = workers[w] ??= new RuleLineWorker();
            for (var i = w * count / parallelism; i < (w + 1) * count / parallelism; i++)
                worker.Read(ref pending[i], family);
        });
        for (var i = 0; i < count; i++)
        {
            builder.AddParsedRule(in pending[i], requireDeclaredChain: format == SnapshotFormat.Save);
            pending[i] = default;
        }
        pendingCount = 0;
    }

    private void Finish(SourceLine last)
    {
        Flush();
        if (format == SnapshotFormat.Save && table is not null && !committed)
        {
            table.IsTruncated = true;
            builder.Error(
                new SourceLine(last.Number, last.Text),
                $"missing COMMIT: table {table.Name} (line {tableLine.Number}) is not committed; iptables-restore would reject it. Its rules are kept",
                1);
        }
    }

    internal static Counters? ParseCounters(ReadOnlySpan<char> text)
    {
        if (text.Length < 5 || text[0] != '[' || text[^1] != ']')
            return null;
        var colon = text.IndexOf(':');
        if (colon < 0)
            return null;
        return ulong.TryParse(text.Slice(1, colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var packets)
            && ulong.TryParse(text.Slice(colon + 1, text.Length - colon - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? new Counters(packets, bytes)
            : null;
    }

    /// <summary>
    /// A control character other than a tab or line end (binary data). A plain loop rather than a vectorized search: it runs
    /// for every line from the start of the process, before tiered compilation has optimized the runtime's
    /// vectorized searches, and a scalar loop in an optimized method is as fast on lines this short.
    /// </summary>
    private static bool HasControlCharacter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\r' or '\n'))
                return true;
        }
        return false;
    }

    private static string Excerpt(string text, int start)
    {
        var rest = text.AsSpan(start).TrimEnd();
        return rest.Length <= 40 ? rest.ToString() : string.Concat(rest[..37], "...");
    }
}
