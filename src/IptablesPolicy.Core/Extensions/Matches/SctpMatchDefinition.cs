using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m sctp</c> (libxt_sctp.c): <c>--sport</c> and <c>--dport</c> ranges (saved even when they cover
/// every port) and <c>--chunk-types any|all|only CHUNKS</c>, whose chunks are saved in chunk-number order
/// with their flags. Needs <c>-p sctp</c>, as the kernel match does.
/// </summary>
internal sealed class SctpMatchDefinition : ExtensionDefinition
{
    // sctp_chunk_names: name, chunk type, the flags the chunk has (by bit, from bit 7 down to bit 0).
    private static readonly (string Name, int Type, string Flags)[] Chunks =
    [
        ("DATA", 0, "----IUBE"), ("INIT", 1, "--------"), ("INIT_ACK", 2, "--------"), ("SACK", 3, "--------"),
        ("HEARTBEAT", 4, "--------"), ("HEARTBEAT_ACK", 5, "--------"), ("ABORT", 6, "-------T"),
        ("SHUTDOWN", 7, "--------"), ("SHUTDOWN_ACK", 8, "--------"), ("ERROR", 9, "--------"),
        ("COOKIE_ECHO", 10, "--------"), ("COOKIE_ACK", 11, "--------"), ("ECN_ECNE", 12, "--------"),
        ("ECN_CWR", 13, "--------"), ("SHUTDOWN_COMPLETE", 14, "-------T"), ("I_DATA", 64, "----IUBE"),
        ("RE_CONFIG", 130, "--------"), ("PAD", 132, "--------"), ("ASCONF", 193, "--------"),
        ("ASCONF_ACK", 128, "--------"), ("FORWARD_TSN", 192, "--------"), ("I_FORWARD_TSN", 194, "--------"),
    ];

    public override string Name => "sctp";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--sport", "--source-port") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--dport", "--destination-port") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--chunk-types") { CanNegate = true, MinValues = 2, MaxValues = 2, Normalize = NormalizeChunkTypes },
    ];

    private static IReadOnlyList<string>? NormalizeChunkTypes(IReadOnlyList<string> values, ExtensionContext context)
    {
        var matchType = values[0].ToLowerInvariant();
        if (matchType is not ("any" or "all" or "only"))
        {
            context.Fail($"bad --chunk-types match type '{values[0]}': expected any, all or only");
            return null;
        }
        if (string.Equals(values[1], "ALL", StringComparison.OrdinalIgnoreCase))
            return [matchType, "ALL"];
        if (string.Equals(values[1], "NONE", StringComparison.OrdinalIgnoreCase))
            return [matchType, "NONE"];
        // Chunk index -> flags text as print_chunk_flags writes it (upper case: flag set, lower case: clear).
        var chosen = new SortedDictionary<int, string>();
        foreach (var part in values[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':');
            var name = colon < 0 ? part : part[..colon];
            var index = Array.FindIndex(Chunks, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                context.Fail($"unknown SCTP chunk '{name}': expected a chunk name such as DATA, INIT, SACK, ABORT or ALL or NONE");
                return null;
            }
            var flags = colon < 0 ? null : Flags(Chunks[index], part[(colon + 1)..], context);
            if (colon >= 0 && flags is null)
                return null;
            // libxt_sctp records flags under the chunk's place in its name table, not its type; the two agree
            // only for the chunks numbered 0 to 14, so flags of the others never reach the save output (nor
            // match anything in the kernel).
            var savedFlags = index == Chunks[index].Type ? flags : null;
            chosen[Chunks[index].Type] = Chunks[index].Name + (savedFlags is { Length: > 0 } ? ":" + savedFlags : string.Empty);
        }
        if (chosen.Count == 0)
            return [matchType, "NONE"];
        return [matchType, string.Join(',', chosen.Values)];
    }

    // Each flag letter names a bit of the chunk (upper case: must be set, lower case: must be clear);
    // the kernel keeps one entry per bit and print_chunk_flags writes them from bit 7 down.
    private static string? Flags((string Name, int Type, string Flags) chunk, string text, ExtensionContext context)
    {
        var mask = 0;
        var set = 0;
        foreach (var letter in text)
        {
            var position = chunk.Flags.IndexOf(char.ToUpperInvariant(letter), StringComparison.Ordinal);
            if (position < 0 || letter == '-')
            {
                context.Fail($"invalid flag '{letter}' for SCTP chunk {chunk.Name}: expected one of {chunk.Flags.Replace("-", string.Empty, StringComparison.Ordinal)}");
                return null;
            }
            var bit = 7 - position;
            mask |= 1 << bit;
            if (char.IsUpper(letter))
                set |= 1 << bit;
        }
        var builder = new System.Text.StringBuilder();
        for (var bit = 7; bit >= 0; bit--)
        {
            if ((mask & (1 << bit)) == 0)
                continue;
            var letter = chunk.Flags[7 - bit];
            builder.Append((set & (1 << bit)) != 0 ? letter : char.ToLowerInvariant(letter));
        }
        return builder.ToString();
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!context.ProtocolIs("sctp"))
            context.Fail("match sctp needs -p sctp (and not ! -p sctp)");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new PortMatch(Name, options);
}
