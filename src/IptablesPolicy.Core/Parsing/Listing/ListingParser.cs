using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing.Listing.MatchText;

namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// Reads the output of <c>iptables -L</c> / <c>ip6tables -L</c> in every variant (<c>-n</c>, <c>-v</c>, <c>-x</c>,
/// <c>--line-numbers</c>; nft and legacy backends) into the snapshot model: each row is turned back into
/// the iptables arguments it shows (<c>tcp dpt:ssh</c> becomes <c>-p tcp -m tcp --dport 22</c>) and read by the
/// same rule parser as iptables-save text, so both render alike. What a listing cannot show is unknown:
/// the interfaces without <c>-v</c>, the table when the command is not known, host names that cannot be
/// mapped back. A listing shows one table; when a chain name comes back (two listings pasted one after
/// the other) a new snapshot starts.
/// </summary>
internal sealed class ListingParser
{
    /// <summary>The module name under which match text that could not be read is kept, as <c>--text "..."</c>.</summary>
    public const string UnreadModule = "listing-text";

    private readonly SnapshotBuilder builder;
    private readonly Table table;
    private ListingColumns? columns;
    private Chain? chain;
    private (SourceLine Line, string Text, ListingRow? Row)? pending;

    private ListingParser(SnapshotBuilder builder, Table table)
    {
        this.builder = builder;
        this.table = table;
    }

    /// <summary>Reads a listing; <paramref name="tableName"/> is the <c>-t</c> table when the command was seen, else null to infer it.</summary>
    public static IReadOnlyList<Snapshot> Parse(IReadOnlyList<SourceLine> lines, string path, string? tableName, IpFamily family)
    {
        var snapshots = new List<Snapshot>();
        foreach (var segment in SplitAtRepeatedChains(lines))
            snapshots.Add(ParseSegment(segment, path, tableName, family));
        return snapshots;
    }

    /// <summary>True for a line that starts a listing: a chain header.</summary>
    public static bool IsChainHeader(string text) => ListingChainHeader.TryParse(text) is not null;

    /// <summary>True for the column header line of a listing.</summary>
    public static bool IsColumnHeader(string text) => ListingColumns.TryParse(text) is not null;

    private static IEnumerable<List<SourceLine>> SplitAtRepeatedChains(IReadOnlyList<SourceLine> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var segment = new List<SourceLine>();
        foreach (var line in lines)
        {
            if (ListingChainHeader.TryParse(line.Text) is { } header && !seen.Add(header.Name))
            {
                yield return segment;
                segment = [];
                seen.Clear();
                seen.Add(header.Name);
            }
            segment.Add(line);
        }
        if (segment.Count > 0 || seen.Count == 0)
            yield return segment;
    }

    private static Snapshot ParseSegment(List<SourceLine> lines, string path, string? tableName, IpFamily family)
    {
        var startLine = lines.Count > 0 ? lines[0].Number : 1;
        var builder = new SnapshotBuilder(path, SnapshotFormat.Listing, family, startLine);
        var inferred = tableName is null;
        tableName ??= InferTable(lines);
        var parser = new ListingParser(builder, builder.BeginTable(tableName, default));
        if (inferred)
            builder.Snapshot.Unknown = new HashSet<string>(StringComparer.Ordinal) { "table" };
        foreach (var line in lines)
            parser.ReadLine(line);
        parser.FlushPending();
        return builder.Snapshot;
    }

    private static string InferTable(List<SourceLine> lines)
    {
        var chains = new HashSet<string>(StringComparer.Ordinal);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (ListingChainHeader.TryParse(line.Text) is { } header)
            {
                // A chain with a policy is a built-in chain; a user chain shows its references instead.
                if (header.Policy is not null)
                    chains.Add(header.Name);
            }
            else if (!line.Text.StartsWith('#'))
            {
                foreach (var word in line.Text.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries).Take(4))
                    targets.Add(word);
            }
        }
        return ListingTableInference.Infer(chains, targets);
    }

    private void ReadLine(SourceLine line)
    {
        var text = line.Text.TrimEnd();
        if (text.Trim().Length == 0)
        {
            FlushPending();
            return;
        }
        // Comment lines: iptables-nft's "# Warning: iptables-legacy tables present, ..." above a listing, and the
        // "# expect: ..." lines policy fixtures put between listing lines. No listing line starts with '#'.
        if (text.StartsWith('#'))
        {
            FlushPending();
            return;
        }
        if (ListingChainHeader.TryParse(text) is { } header)
        {
            FlushPending();
            ReadChainHeader(line, header);
            return;
        }
        if (ListingChainHeader.LooksLikeOne(text))
        {
            FlushPending();
            builder.Error(line, "damaged chain header: expected Chain NAME (policy ACCEPT|DROP [N packets, M bytes]) or Chain NAME (N references)");
            chain = null;
            return;
        }
        if (ListingColumns.TryParse(text) is { } headerColumns)
        {
            FlushPending();
            columns = headerColumns;
            if (chain is null)
                builder.Warning(line, "column header without a Chain line above it: the rules below belong to no known chain");
            return;
        }
        if (chain is null)
        {
            builder.Error(line, $"'{Excerpt(text)}' is not part of a listing: expected a Chain header, a column header or a rule row");
            return;
        }
        if (TryRow(text) is { } row)
        {
            FlushPending();
            pending = (line, text, row);
            return;
        }
        if (LooksLikeRowStart(text))
        {
            FlushPending();
            builder.Error(line, $"incomplete rule row '{Excerpt(text)}': expected {Expected()} (the listing may be cut here)");
            return;
        }
        // A terminal wraps long rows: a line that is not a row, right after one, continues its match column.
        if (pending is { } previous)
        {
            builder.Warning(line, "not a rule row: read as the continuation of the row above (a wrapped line)");
            pending = (previous.Line, previous.Text + " " + text.Trim(), null);
            return;
        }
        builder.Error(line, $"'{Excerpt(text)}' is not a rule row: expected {Expected()}");
    }

    /// <summary>True when one of the first fields is an opt column value: the start of a row, not match text.</summary>
    private static bool LooksLikeRowStart(string text) =>
        text.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries).Take(5).Any(ListingRow.IsOption);

    private void ReadChainHeader(SourceLine line, ListingChainHeader header)
    {
        Counters? counters = null;
        if (header.PolicyPackets is { } packetText && header.PolicyBytes is { } byteText
            && ListingNumber.TryParse(packetText, out var packets, out _) && ListingNumber.TryParse(byteText, out var bytes, out _))
            counters = new Counters(packets, bytes);
        var isBuiltIn = BuiltInChains.IsBuiltIn(table.Name, header.Name);
        if (header.Policy is not null && !isBuiltIn && BuiltInChains.Of(table.Name).Any())
            builder.Warning(line, $"chain {header.Name} has a policy but is not a built-in chain of table {table.Name}");
        if (header.Policy is not null and not ("ACCEPT" or "DROP"))
            builder.Error(line, $"invalid policy '{header.Policy}': expected ACCEPT or DROP", header.NameColumn);
        chain = builder.DeclareChain(table, header.Name, line, header.NameColumn, header.Policy is "ACCEPT" or "DROP" ? header.Policy : null, counters);
    }

    private ListingRow? TryRow(string text)
    {
        if (columns is { } known)
            return ListingRow.TryParse(text, known);
        // No column header (cut off or filtered with grep): try the shapes iptables prints, widest first.
        foreach (var guess in Shapes)
        {
            if (ListingRow.TryParse(text, guess) is { } row)
            {
                columns = guess;
                return row;
            }
        }
        return null;
    }

    private static readonly ListingColumns[] Shapes =
    [
        new(LineNumbers: true, Counters: true, Interfaces: true, Options: true),
        new(LineNumbers: false, Counters: true, Interfaces: true, Options: true),
        new(LineNumbers: true, Counters: false, Interfaces: false, Options: true),
        new(LineNumbers: false, Counters: false, Interfaces: false, Options: true),
    ];

    private void FlushPending()
    {
        if (pending is not { } row)
            return;
        pending = null;
        if (chain is null || columns is not { } known || (row.Row ?? ListingRow.TryParse(row.Text, known)) is not { } parsed)
            return;
        AddRule(row.Line, parsed, known);
    }

    private void AddRule(SourceLine line, ListingRow row, ListingColumns known)
    {
        var family = builder.Snapshot.Family;
        var tokens = new List<Token>(16);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        void Add(string text, ListingField at, bool quoted = false) => tokens.Add(new Token(text, at.Column, at.EndColumn, quoted));
        void AddNegatable(string option, string value, ListingField at)
        {
            if (value.StartsWith('!'))
            {
                Add("!", at);
                value = value[1..];
            }
            Add(option, at);
            Add(value, at);
        }

        var protocol = row.Protocol.Text.TrimStart('!');
        if (protocol is not ("all" or "0"))
            AddNegatable("-p", row.Protocol.Text, row.Protocol);
        if (row.Option is { } option)
        {
            if (option.Text == "-f")
                Add("-f", option);
            else if (option.Text == "!f")
            {
                Add("!", option);
                Add("-f", option);
            }
        }
        if (row.InInterface is { } inInterface && row.OutInterface is { } outInterface)
        {
            if (inInterface.Text.TrimStart('!') is not ("*" or "any"))
                AddNegatable("-i", inInterface.Text, inInterface);
            if (outInterface.Text.TrimStart('!') is not ("*" or "any"))
                AddNegatable("-o", outInterface.Text, outInterface);
        }
        else
        {
            unknown.Add("inInterface");
            unknown.Add("outInterface");
        }
        var source = ReadAddress("-s", row.Source, family, tokens, unknown, "source");
        var destination = ReadAddress("-d", row.Destination, family, tokens, unknown, "destination");

        var target = row.Target?.Text;
        var translated = MatchTextTranslator.Translate(row.MatchText, target);
        var targetArguments = new List<Token>();
        // Pieces and unread text in the order the listing printed them, which is the rule's match order.
        var parts = translated.Pieces.Select(p => (p.Offset, Piece: (ListingPiece?)p.Piece, Unread: (UnreadText?)null))
            .Concat(translated.Unread.Select(u => (u.Offset, Piece: (ListingPiece?)null, Unread: (UnreadText?)u)))
            .OrderBy(p => p.Offset);
        var incomplete = new List<(int Index, Match Match)>();
        var matchCount = 0;
        foreach (var (offset, piece, unreadText) in parts)
        {
            var column = row.MatchColumn + offset;
            if (unreadText is { } unread)
            {
                builder.Warning(line, $"match text '{Excerpt(unread.Text)}' was not understood: kept as -m {UnreadModule} --text", column, column + unread.Text.Length);
                tokens.Add(new Token("-m", column, column + 1, false));
                tokens.Add(new Token(UnreadModule, column, column + 1, false));
                tokens.Add(new Token("--text", column, column + 1, false));
                tokens.Add(new Token(unread.Text, column, column + unread.Text.Length, true));
                matchCount++;
                continue;
            }
            if (piece!.Warning is { } warning)
                builder.Warning(line, warning, column);
            if (piece.IsIncomplete && piece.Module is { } rawModule)
            {
                incomplete.Add((matchCount++, new Match(rawModule, RawOptions(piece.Arguments), isKnown: false)));
                continue;
            }
            if (piece.Module is not null)
                matchCount++;
            var into = piece.Module is null ? targetArguments : tokens;
            if (piece.Module is { } module)
            {
                into.Add(new Token("-m", column, column + 1, false));
                into.Add(new Token(module, column, column + 1, false));
            }
            foreach (var argument in piece.Arguments)
                into.Add(new Token(argument.Text, column, column + 1, argument.Quoted));
        }
        if (row.Target is { } targetField)
        {
            Add(translated.IsGoto ? "-g" : "-j", targetField);
            Add(translated.Pieces.Select(p => p.Piece.RenamedTarget).LastOrDefault(r => r is not null) ?? targetField.Text, targetField);
            tokens.AddRange(targetArguments);
        }
        else if (targetArguments.Count > 0 || translated.IsGoto)
            builder.Error(line, "target options or [goto] without a target", row.MatchColumn);

        Counters? counters = null;
        if (row.Packets is { } packets && row.Bytes is { } bytes
            && ListingNumber.TryParse(packets.Text, out var packetCount, out _) && ListingNumber.TryParse(bytes.Text, out var byteCount, out _))
            counters = new Counters(packetCount, byteCount);

        var firstColumn = (row.Number ?? row.Packets ?? row.Target ?? row.Protocol).Column;
        builder.AddRule(table, chain!.Name, line, tokens, 0, position: null, counters, firstColumn, spec => Complete(spec, unknown, source, destination, incomplete));
        if (row.Number is { } number && int.TryParse(number.Text, out var expected) && expected != chain.Rules.Count)
            builder.Warning(line, $"rule number {expected} but this is rule {chain.Rules.Count} of chain {chain.Name}: rows are missing above it", number.Column, number.EndColumn);
    }

    /// <summary>Adds the address to the arguments, or notes a host name that only the model can hold.</summary>
    private static ListingAddress ReadAddress(string option, ListingField field, IpFamily family, List<Token> tokens, HashSet<string> unknown, string jsonName)
    {
        var address = ListingAddress.Read(field.Text, family);
        if (address.Argument is { } argument)
        {
            if (address.Negated)
                tokens.Add(new Token("!", field.Column, field.Column + 1, false));
            tokens.Add(new Token(option, field.Column, field.EndColumn, false));
            tokens.Add(new Token(argument, field.Column, field.EndColumn, false));
        }
        else if (address.HostName is not null)
            unknown.Add(jsonName);
        return address;
    }

    private static RuleSpec Complete(RuleSpec spec, HashSet<string> unknown, ListingAddress source, ListingAddress destination, List<(int Index, Match Match)> incomplete)
    {
        if (incomplete.Count > 0)
        {
            var matches = spec.Matches.ToList();
            foreach (var (index, match) in incomplete)
                matches.Insert(Math.Min(index, matches.Count), match);
            spec = spec with { Matches = matches };
        }
        spec = spec with
        {
            Source = WithHostName(spec.Source, source),
            Destination = WithHostName(spec.Destination, destination),
        };
        return unknown.Count == 0 ? spec : spec with { Unknown = unknown };
    }

    /// <summary>Options as a listing showed them (<c>! --name value</c>), for a match kept unknown.</summary>
    private static IReadOnlyList<ExtensionOption> RawOptions(IReadOnlyList<ListingArgument> arguments)
    {
        var options = new List<ExtensionOption>();
        var negated = false;
        string? name = null;
        var values = new List<string>();
        void Close()
        {
            if (name is not null)
                options.Add(new ExtensionOption(name, values.ToArray(), negated));
            (name, negated) = (null, false);
            values.Clear();
        }
        foreach (var argument in arguments)
        {
            if (argument.Text == "!")
            {
                Close();
                negated = true;
            }
            else if (argument.Text.StartsWith("--", StringComparison.Ordinal))
            {
                var keep = negated && name is null;
                Close();
                (name, negated) = (argument.Text, keep);
            }
            else
                values.Add(argument.Text);
        }
        Close();
        return options;
    }

    private static Negatable<AddressSpec>? WithHostName(Negatable<AddressSpec>? parsed, ListingAddress shown)
    {
        if (shown.HostName is not { } name)
            return parsed;
        if (shown.Inferred && parsed is { } inferred)
            return new Negatable<AddressSpec>(AddressSpec.FromInferredHostName(name, inferred.Value), inferred.IsNegated);
        return new Negatable<AddressSpec>(AddressSpec.FromHostName(name), shown.Negated);
    }

    private string Expected() => columns is { } c
        ? string.Join(' ', new[] { c.LineNumbers ? "num" : null, c.Counters ? "pkts bytes" : null, "target prot", c.Options ? "opt" : null, c.Interfaces ? "in out" : null, "source destination [matches]" }.Where(p => p is not null))
        : "target prot opt source destination [matches]";

    private static string Excerpt(string text)
    {
        text = text.Trim();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
