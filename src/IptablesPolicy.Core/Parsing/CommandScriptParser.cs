using System.Globalization;
using System.Text.RegularExpressions;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Reads a shell script of <c>iptables</c> / <c>ip6tables</c> commands (<c>-t</c>, <c>-N</c>, <c>-P</c>,
/// <c>-A</c>, <c>-I</c>) as the ruleset it builds: one snapshot per family the script touches. Other shell
/// lines are skipped; variables cannot be expanded and are reported.
/// </summary>
internal static partial class CommandScriptParser
{
    [GeneratedRegex(@"^(?:sudo\s+(?:-\S+\s+)*)?(?:\S*/)?(?<binary>ip6?tables)(?:-legacy|-nft)?(?:\s|$)")]
    private static partial Regex CommandPattern();

    public static bool IsCommandLine(string text) => CommandPattern().IsMatch(text);

    public static IReadOnlyList<Snapshot> Parse(IReadOnlyList<SourceLine> lines, string path, int startLine)
    {
        var builders = new Dictionary<IpFamily, SnapshotBuilder>();
        foreach (var line in JoinContinuations(lines))
        {
            var text = line.Text.TrimStart();
            var match = CommandPattern().Match(text);
            if (!match.Success)
                continue;
            var family = match.Groups["binary"].Value == "ip6tables" ? IpFamily.IPv6 : IpFamily.IPv4;
            if (!builders.TryGetValue(family, out var builder))
                builders[family] = builder = new SnapshotBuilder(path, SnapshotFormat.Commands, family, startLine);
            var offset = line.Text.Length - text.Length + match.Length;
            ReadCommand(builder, line, offset);
        }
        return builders.OrderBy(b => b.Key).Select(b => b.Value.Snapshot).ToList();
    }

    private static void ReadCommand(SnapshotBuilder builder, SourceLine line, int offset)
    {
        var tokens = builder.Tokenize(line, offset, QuotingStyle.Shell);
        if (tokens is null)
            return;
        foreach (var token in tokens.Where(t => !t.WasQuoted && t.Text.Contains('$')))
            builder.Warning(line, $"shell variable in '{token.Text}' is not expanded: the value is read literally", token.StartColumn, token.EndColumn);
        var tableName = "filter";
        var rest = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (name, attached) = SplitShort(tokens[i].Text);
            if (name is "-t" or "--table")
            {
                if (attached is not null)
                    tableName = attached;
                else if (i + 1 < tokens.Count)
                    tableName = tokens[++i].Text;
                continue;
            }
            if (name is "-w" or "--wait" or "-W" or "--wait-interval")
            {
                if (attached is null && i + 1 < tokens.Count && tokens[i + 1].Text.All(char.IsAsciiDigit))
                    i++;
                continue;
            }
            if (tokens[i].Text is "-v" or "--verbose" or "-n" or "--numeric")
                continue;
            rest.Add(tokens[i]);
        }
        if (rest.Count == 0)
            return;
        if (!BuiltInChains.IsKnownTable(tableName))
            builder.Error(line, $"unknown table '{tableName}': expected filter, nat, mangle, raw or security");
        var table = builder.Snapshot.FindTable(tableName) ?? builder.BeginTable(tableName, line);
        var command = rest[0];
        var chain = rest.Count > 1 && !rest[1].IsOption ? rest[1] : (Token?)null;
        switch (command.Text)
        {
            case "-A" or "--append" or "-I" or "--insert" when chain is { } c:
                var argumentStart = 2;
                int? position = null;
                if (command.Text is "-I" or "--insert")
                {
                    position = 1;
                    if (rest.Count > 2 && int.TryParse(rest[2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
                    {
                        position = p;
                        argumentStart = 3;
                    }
                }
                builder.AddRule(table, c.Text, line, rest, argumentStart, position, counters: null, command.StartColumn);
                break;
            case "-N" or "--new-chain" when chain is { } c:
                builder.DeclareChain(table, c.Text, line, c.StartColumn);
                break;
            case "-P" or "--policy" when chain is { } c && rest.Count > 2:
                builder.DeclareChain(table, c.Text, line, c.StartColumn, rest[2].Text);
                break;
            case "-F" or "--flush" or "-X" or "--delete-chain" or "-Z" or "--zero":
                // Scripts begin by clearing the live ruleset; a snapshot read from the script starts empty anyway.
                if (table.Rules.Any())
                    builder.Warning(line, $"{command.Text} after rules were added was not applied: the snapshot keeps every rule the script adds", command.StartColumn, command.EndColumn);
                break;
            case "-A" or "--append" or "-I" or "--insert" or "-N" or "--new-chain" or "-P" or "--policy":
                builder.Error(line, $"{command.Text} needs a chain name{(command.Text is "-P" or "--policy" ? " and a policy" : string.Empty)}", command.StartColumn, command.EndColumn);
                break;
            default:
                builder.Warning(line, $"{command.Text} does not build a ruleset and was not applied: expected -A, -I, -N or -P", command.StartColumn, command.EndColumn);
                break;
        }
    }

    /// <summary>Joins lines that end in a backslash with the next, as the shell does; the joined line keeps the first line's number.</summary>
    private static IEnumerable<SourceLine> JoinContinuations(IReadOnlyList<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.Text.EndsWith('\\'))
            {
                yield return line;
                continue;
            }
            var text = new System.Text.StringBuilder(line.Text[..^1]);
            while (i + 1 < lines.Count)
            {
                var next = lines[++i].Text;
                text.Append(' ').Append(next.EndsWith('\\') ? next[..^1] : next);
                if (!next.EndsWith('\\'))
                    break;
            }
            yield return new SourceLine(line.Number, text.ToString());
        }
    }

    private static (string Name, string? Attached) SplitShort(string text)
    {
        if (text.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = text.IndexOf('=');
            return equals > 0 ? (text[..equals], text[(equals + 1)..]) : (text, null);
        }
        return text.Length > 2 && text[0] == '-' && text[1] is 't' or 'w' or 'W' ? (text[..2], text[2..]) : (text, null);
    }
}
