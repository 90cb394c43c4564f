using System.Text;

namespace IptablesPolicy.Core.Tests.Oracle;

/// <summary>
/// iptables-save text put in one canonical layout, so that our rendering and what the kernel prints back
/// can be compared line by line regardless of what iptables-save does not keep stable: table order (it
/// differs between the nft and legacy backends), built-in chains a file left out (the kernel always has
/// them), user chain order (iptables-save sorts them), header comments, and counters unless they were
/// restored with <c>--counters</c>. Rule order within a chain and every rule's text are kept as they are.
/// </summary>
internal sealed class SaveTextLayout
{
    private static readonly Dictionary<string, string[]> BuiltInChains = new(StringComparer.Ordinal)
    {
        ["filter"] = ["INPUT", "FORWARD", "OUTPUT"],
        ["nat"] = ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
        ["mangle"] = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
        ["raw"] = ["PREROUTING", "OUTPUT"],
        ["security"] = ["INPUT", "FORWARD", "OUTPUT"],
    };

    private readonly SortedDictionary<string, TableLayout> tables = new(StringComparer.Ordinal);

    private SaveTextLayout()
    {
    }

    public static SaveTextLayout Read(string text, bool keepCounters)
    {
        var layout = new SaveTextLayout();
        TableLayout? table = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line == "COMMIT")
                continue;
            if (line.StartsWith('*'))
            {
                table = new TableLayout(line[1..]);
                layout.tables[table.Name] = table;
                continue;
            }
            if (table is null)
                throw new FormatException($"line outside a table: {line}");
            if (line.StartsWith(':'))
            {
                var parts = line[1..].Split(' ');
                var counters = keepCounters && parts.Length > 2 ? parts[2] : "[0:0]";
                table.Chain(parts[0]).Declaration = $":{parts[0]} {parts[1]} {counters}";
                continue;
            }
            var ruleCounters = "";
            if (line.StartsWith('['))
            {
                var end = line.IndexOf("] ", StringComparison.Ordinal);
                ruleCounters = keepCounters ? line[..(end + 2)] : "";
                line = line[(end + 2)..];
            }
            if (!line.StartsWith("-A ", StringComparison.Ordinal))
                throw new FormatException($"unexpected line: {line}");
            var chain = line[3..].Split(' ', 2)[0];
            table.Chain(chain).Rules.Add(ruleCounters + line);
        }
        return layout;
    }

    public IEnumerable<string> TableNames => tables.Keys;

    /// <summary>Drops the tables <paramref name="names"/> does not hold that are empty (the legacy backend may show tables nobody asked for).</summary>
    public void DropEmptyTablesOtherThan(IEnumerable<string> names)
    {
        var keep = names.ToHashSet(StringComparer.Ordinal);
        foreach (var table in tables.Values.Where(t => !keep.Contains(t.Name) && t.IsEmpty).ToList())
            tables.Remove(table.Name);
    }

    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        foreach (var table in tables.Values)
        {
            lines.Add("*" + table.Name);
            var builtIns = BuiltInChains.GetValueOrDefault(table.Name, []);
            var order = builtIns.Concat(table.Chains.Keys.Where(c => !builtIns.Contains(c)).Order(StringComparer.Ordinal)).ToList();
            foreach (var name in order)
                lines.Add(table.Chain(name).Declaration ?? $":{name} ACCEPT [0:0]");
            foreach (var name in order)
                lines.AddRange(table.Chain(name).Rules);
            lines.Add("COMMIT");
        }
        return lines;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var line in Lines())
            builder.Append(line).Append('\n');
        return builder.ToString();
    }

    private sealed class TableLayout(string name)
    {
        public string Name { get; } = name;

        public Dictionary<string, ChainLayout> Chains { get; } = new(StringComparer.Ordinal);

        public bool IsEmpty => Chains.Values.All(c => c.Rules.Count == 0 && (c.Declaration is null || c.Declaration.Contains(" ACCEPT ", StringComparison.Ordinal)));

        public ChainLayout Chain(string chain)
        {
            if (!Chains.TryGetValue(chain, out var layout))
                Chains[chain] = layout = new ChainLayout();
            return layout;
        }
    }

    private sealed class ChainLayout
    {
        public string? Declaration { get; set; }

        public List<string> Rules { get; } = [];
    }
}
