namespace IptablesPolicy.TestData;

/// <summary>
/// Writes iptables-save text line by line: a header comment and <c>*table</c> per table, chain
/// declarations, <c>-A</c> rules (with <c>[packets:bytes]</c> when counters are on) and <c>COMMIT</c>.
/// The caller supplies rules grouped by chain in the order iptables-save prints them.
/// </summary>
internal sealed class SaveTextWriter(TextWriter writer, DeterministicRandom? counters, string header)
{
    public void BeginTable(string table, IEnumerable<string> builtInChains, IEnumerable<string> userChains)
    {
        writer.Write(header);
        writer.Write('\n');
        writer.Write('*');
        writer.Write(table);
        writer.Write('\n');
        foreach (var chain in builtInChains)
            writer.Write($":{chain} ACCEPT {Counters()}\n");
        foreach (var chain in userChains)
            writer.Write($":{chain} - [0:0]\n");
    }

    public void Rule(string chain, string body)
    {
        if (counters is not null)
        {
            writer.Write(Counters());
            writer.Write(' ');
        }
        writer.Write("-A ");
        writer.Write(chain);
        writer.Write(' ');
        writer.Write(body);
        writer.Write('\n');
    }

    public void Commit() => writer.Write("COMMIT\n");

    private string Counters()
    {
        if (counters is null)
            return "[0:0]";
        var packets = counters.Next(100_000);
        return $"[{packets}:{(long)packets * (60 + counters.Next(1400))}]";
    }
}
