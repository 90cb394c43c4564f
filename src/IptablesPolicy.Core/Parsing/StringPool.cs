using System.Numerics;
using System.Runtime.InteropServices;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Hands out a shared string instance for token texts seen recently. Rulesets repeat a few hundred tokens
/// (<c>-m</c>, <c>tcp</c>, <c>--comment</c>, marks, a chain's name on each of its rules) on every line;
/// sharing them saves most of the parser's string allocations.
/// </summary>
/// <remarks>
/// A fixed table, one string per slot, where a new text replaces whatever held its slot: it stays small
/// enough for the processor's cache, which a set of every distinct token of a 100k-rule snapshot was not
/// (its lookups were an eighth of the parse, nearly all cache misses). Tokens that repeat far apart may get
/// two instances; the model interner shares the matches and targets that hold them, so the model stays small.
/// </remarks>
internal sealed class StringPool
{
    // Long tokens (comments, addresses) rarely repeat; hashing them costs more than it saves.
    public const int MaxPooledLength = 64;

    private const int SlotBits = 13;

    private readonly Slot[] slots = new Slot[1 << SlotBits];

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxPooledLength || text.IsEmpty)
            return text.ToString();
        var hash = Hash(text);
        ref var slot = ref slots[hash >> (64 - SlotBits)];
        // The full hash is compared first so that a miss never reads the other string (a cache miss of its own).
        if (slot.Hash == hash && slot.Text is { } existing && text.SequenceEqual(existing))
            return existing;
        var created = text.ToString();
        slot = new Slot(hash, created);
        return created;
    }

    private readonly record struct Slot(ulong Hash, string? Text);

    /// <summary>A multiplicative hash over the text four characters at a time: tokens are short, and the slot is picked by its top bits.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        ulong hash = (ulong)text.Length * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ MemoryMarshal.Read<ulong>(bytes)) * 0x9E3779B97F4A7C15UL, 29);
            bytes = bytes[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
            tail |= (ulong)bytes[i] << (8 * i);
        hash = (hash ^ tail) * 0x9E3779B97F4A7C15UL;
        return hash ^ (hash >> 29);
    }
}
