using System.Text;
using System.Text.Unicode;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// A file's text split into lines: LF or CRLF line ends, invalid UTF-8 replaced (and reported at its line
/// and column) so one bad byte never loses a line.
/// </summary>
internal sealed class InputText : IDisposable
{
    // Valid UTF-8 files are read and decoded a block at a time: a 16 MB snapshot is 32 MB as one string,
    // and the parser needs only the line it is on. A file is handed out up to two blocks at once, and its text
    // takes two bytes a character, so 16 KiB keeps each decoded string (64 KiB) off the large-object heap: with
    // 64 KiB blocks the 10k-service file's 35 MB of block strings went there, and large-object allocations are
    // what set off the full collections that paused reading it.
    private const int BlockBytes = 1 << 14;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string? text;
    private readonly byte[]? bytes;
    private readonly FileStream? file;
    private readonly int bytesStart;
    private bool passUnderWay;

    private InputText(string path, string? text, byte[]? bytes, FileStream? file, int bytesStart, List<ParseDiagnostic> problems)
    {
        Path = path;
        this.text = text;
        this.bytes = bytes;
        this.file = file;
        this.bytesStart = bytesStart;
        Problems = problems;
    }

    /// <summary>The path diagnostics name.</summary>
    public string Path { get; }

    /// <summary>
    /// The lines, numbered from 1, each a slice of a block of the text. Each enumeration reads the text
    /// again from its start; a line stays valid after the enumerator moves on.
    /// </summary>
    public IEnumerable<SourceLine> Lines => text is not null ? LinesOf(text, firstNumber: 1) : LinesOfBytes();

    /// <summary>
    /// Looks for a line that <paramref name="candidate"/> picks out on its UTF-8 bytes and
    /// <paramref name="confirm"/> accepts as a line, without decoding the others: a whole-file check (is this
    /// pasted text?) then costs one pass over the bytes, not a second decoding of the file.
    /// </summary>
    public bool AnyLine(Func<ReadOnlySpan<byte>, bool> candidate, Func<SourceLine, bool> confirm)
    {
        var number = 0;
        foreach (var block in Blocks())
        {
            var rest = block.Span;
            while (rest.Length > 0)
            {
                number++;
                var newline = rest.IndexOf((byte)'\n');
                var line = newline < 0 ? rest : rest[..newline];
                var content = line.TrimEnd((byte)'\r');
                if (candidate(content) && confirm(new SourceLine(number, Encoding.UTF8.GetString(content))))
                    return true;
                rest = newline < 0 ? [] : rest[(newline + 1)..];
            }
        }
        return false;
    }

    /// <summary>Problems with the text itself (invalid UTF-8, CRLF line ends), found before parsing.</summary>
    public IReadOnlyList<ParseDiagnostic> Problems { get; }

    /// <summary>Reads a file; <see cref="IOException"/> and friends propagate to the caller, who names the file.</summary>
    public static InputText FromFile(string path)
    {
        // A seekable file is read again from its start for each pass rather than held: a 16 MB snapshot's
        // bytes would otherwise stay in memory for the whole parse. A pipe or device is read once, whole.
        // The file is opened once either way: opening a FIFO twice would lose what the first open read.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            if (stream.CanSeek && stream.Length > 0)
            {
                var start = StartsWithPreamble(stream) ? Encoding.UTF8.Preamble.Length : 0;
                if (FileProblems(path, stream, start) is { } problems)
                {
                    var input = new InputText(path, text: null, bytes: null, stream, start, problems);
                    stream = null;
                    return input;
                }
                stream.Position = 0;
            }
            using var all = new MemoryStream();
            stream.CopyTo(all);
            return FromBytes(path, all.ToArray());
        }
        finally
        {
            stream?.Dispose();
        }
    }

    /// <summary>Closes the file a file-backed text reads from.</summary>
    public void Dispose() => file?.Dispose();

    private static bool StartsWithPreamble(FileStream stream)
    {
        Span<byte> head = stackalloc byte[3];
        stream.Position = 0;
        return stream.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3 && head.SequenceEqual(Encoding.UTF8.Preamble);
    }

    /// <summary>
    /// One pass over the file's blocks: the CRLF warning, or null when some block is not valid UTF-8 (then the
    /// file is read whole and decoded line by line, which reports each bad byte).
    /// </summary>
    private static List<ParseDiagnostic>? FileProblems(string path, FileStream stream, int start)
    {
        var problems = new List<ParseDiagnostic>();
        var linesBefore = 0;
        var crlfSeen = false;
        foreach (var block in BlocksOf(stream, start))
        {
            var span = block.Span;
            if (!Utf8.IsValid(span))
                return null;
            if (!crlfSeen && span.IndexOf("\r\n"u8) is var crlf and >= 0)
            {
                // Reported once, at the first: the rest of the file has them too.
                crlfSeen = true;
                var before = span[..crlf];
                var lineStart = before.LastIndexOf((byte)'\n') + 1;
                var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
                problems.Add(CrlfWarning(path, linesBefore + before.Count((byte)'\n') + 1, column));
            }
            if (!crlfSeen)
                linesBefore += span.Count((byte)'\n');
        }
        return problems;
    }

    public static InputText FromBytes(string path, byte[] bytes) => FromBytes(path, bytes.AsSpan());

    public static InputText FromBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        string text;
        var problems = new List<ParseDiagnostic>();
        try
        {
            text = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = DecodeLineByLine(path, bytes, problems);
        }
        return FromString(path, text, problems);
    }

    public static InputText FromString(string path, string text, List<ParseDiagnostic>? problems = null)
    {
        problems ??= [];
        var crlf = text.IndexOf("\r\n", StringComparison.Ordinal);
        if (crlf >= 0)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, crlf - 1)) + 1;
            problems.Add(CrlfWarning(path, text.AsSpan(0, crlf).Count('\n') + 1, crlf - lineStart + 1));
        }
        return new InputText(path, text, bytes: null, file: null, bytesStart: 0, problems);
    }

    private static ParseDiagnostic CrlfWarning(string path, int line, int column) =>
        new(DiagnosticSeverity.Warning, new SourceSpan(path, line, column, column + 1), "CRLF line ends (Windows): read as LF; iptables-restore would reject them");

    private static IEnumerable<SourceLine> LinesOf(string text, int firstNumber)
    {
        var number = firstNumber - 1;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var lineEnd = end < 0 ? text.Length : end;
            var contentEnd = lineEnd > start && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            yield return new SourceLine(++number, text, start, contentEnd - start);
            start = lineEnd + 1;
        }
    }

    /// <summary>Decodes the bytes in blocks that end at a line end, so no line or UTF-8 sequence is split.</summary>
    private IEnumerable<SourceLine> LinesOfBytes()
    {
        var number = 1;
        foreach (var block in Blocks())
        {
            foreach (var line in LinesOf(Encoding.UTF8.GetString(block.Span), number))
            {
                yield return line;
                number = line.Number + 1;
            }
        }
    }

    /// <summary>The text's UTF-8 bytes in blocks of about <see cref="BlockBytes"/> that end just after a line end (or at the end).</summary>
    private IEnumerable<ReadOnlyMemory<byte>> Blocks()
    {
        if (file is not null)
            return Pass(BlocksOf(file, bytesStart));
        if (bytes is not null)
            return BlocksOf(bytes, bytesStart);
        // A text given as a string (tests, pasted input) is small: encoding it once keeps one code path.
        return BlocksOf(Encoding.UTF8.GetBytes(text!), 0);
    }

    private static IEnumerable<ReadOnlyMemory<byte>> BlocksOf(byte[] all, int start)
    {
        while (start < all.Length)
        {
            var end = Math.Min(all.Length, start + BlockBytes);
            if (end < all.Length)
            {
                var newline = all.AsSpan(end).IndexOf((byte)'\n');
                end = newline < 0 ? all.Length : end + newline + 1;
            }
            yield return all.AsMemory(start, end - start);
            start = end;
        }
    }

    /// <summary>One pass over the file at a time: passes share the open file and its position.</summary>
    private IEnumerable<ReadOnlyMemory<byte>> Pass(IEnumerable<ReadOnlyMemory<byte>> blocks)
    {
        if (passUnderWay)
            throw new InvalidOperationException($"{Path} is already being read: a file-backed text is read one pass at a time");
        passUnderWay = true;
        try
        {
            foreach (var block in blocks)
                yield return block;
        }
        finally
        {
            passUnderWay = false;
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> BlocksOf(FileStream stream, int start)
    {
        stream.Position = start;
        var buffer = new byte[BlockBytes * 2];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2);
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            if (read == 0)
            {
                if (filled > 0)
                    yield return buffer.AsMemory(0, filled);
                yield break;
            }
            // Only whole lines leave the buffer; a line longer than the buffer grows it.
            var lastNewline = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
            if (lastNewline < 0 || filled < BlockBytes)
                continue;
            yield return buffer.AsMemory(0, lastNewline + 1);
            var rest = filled - lastNewline - 1;
            Buffer.BlockCopy(buffer, lastNewline + 1, buffer, 0, rest);
            filled = rest;
        }
    }

    private static string DecodeLineByLine(string path, ReadOnlySpan<byte> bytes, List<ParseDiagnostic> problems)
    {
        var builder = new StringBuilder(bytes.Length);
        var line = 1;
        while (bytes.Length > 0)
        {
            var newline = bytes.IndexOf((byte)'\n');
            var lineBytes = newline < 0 ? bytes : bytes[..(newline + 1)];
            try
            {
                builder.Append(Strict.GetString(lineBytes));
            }
            catch (DecoderFallbackException e)
            {
                var column = Encoding.UTF8.GetCharCount(lineBytes[..Math.Max(0, e.Index)]) + 1;
                problems.Add(new ParseDiagnostic(DiagnosticSeverity.Error, new SourceSpan(path, line, column, column + 1), "invalid UTF-8: the bad bytes were replaced with U+FFFD"));
                builder.Append(Encoding.UTF8.GetString(lineBytes));
            }
            bytes = newline < 0 ? [] : bytes[(newline + 1)..];
            line++;
        }
        return builder.ToString();
    }
}
