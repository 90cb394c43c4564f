using System.Runtime.CompilerServices;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Hands out one string instance per distinct token text. Rulesets repeat the same few hundred tokens
/// (chain names, <c>-m</c>, <c>tcp</c>, marks, ports) on every line; sharing them keeps a 100k-rule model
/// small and saves most of the parser's allocations.
/// </summary>
internal sealed class StringPool
{
    // Long tokens (comments, addresses) rarely repeat; pooling them would only grow the table.
    public const int MaxPooledLength = 64;

    private readonly HashSet<string> strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public StringPool()
    {
        lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // Runs for every rule of a snapshot, once per process: optimized at its first call rather than after
    // tiering up (about 7% of a 10k-service show; tests/IptablesPolicy.Benchmarks/README.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxPooledLength)
            return text.ToString();
        if (lookup.TryGetValue(text, out var existing))
            return existing;
        var created = text.ToString();
        strings.Add(created);
        return created;
    }
}
