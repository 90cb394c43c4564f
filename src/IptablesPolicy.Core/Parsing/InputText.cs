using System.Text;
using System.Text.Unicode;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// A file's text split into lines: LF or CRLF line ends, invalid UTF-8 replaced (and reported at its line
/// and column) so one bad byte never loses a line.
/// </summary>
internal sealed class InputText
{
    // Valid UTF-8 files are kept as bytes and decoded a block at a time: a 16 MB snapshot is 32 MB as one
    // string, and the parser needs only the line it is on.
    private const int BlockBytes = 1 << 16;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string? text;
    private readonly byte[]? bytes;
    private readonly int bytesStart;

    private InputText(string path, string? text, byte[]? bytes, int bytesStart, List<ParseDiagnostic> problems)
    {
        Path = path;
        this.text = text;
        this.bytes = bytes;
        this.bytesStart = bytesStart;
        Problems = problems;
    }

    /// <summary>The path diagnostics name.</summary>
    public string Path { get; }

    /// <summary>
    /// The lines, numbered from 1, each a slice of a block of the text. Each enumeration reads the text
    /// again from its start; a line stays valid after the enumerator moves on.
    /// </summary>
    public IEnumerable<SourceLine> Lines => bytes is null ? LinesOf(text!, firstNumber: 1) : LinesOfBytes();

    /// <summary>
    /// Looks for a line that <paramref name="candidate"/> picks out on its UTF-8 bytes and
    /// <paramref name="confirm"/> accepts as a line, without decoding the others: a whole-file check (is this
    /// pasted text?) then costs one pass over the bytes, not a second decoding of the file.
    /// </summary>
    public bool AnyLine(Func<ReadOnlySpan<byte>, bool> candidate, Func<SourceLine, bool> confirm)
    {
        // A text given as a string (tests, pasted input) is small: encoding it once keeps one code path.
        var all = bytes ?? Encoding.UTF8.GetBytes(text!);
        var start = bytes is null ? 0 : bytesStart;
        var number = 0;
        while (start < all.Length)
        {
            number++;
            var newline = all.AsSpan(start).IndexOf((byte)'\n');
            var end = newline < 0 ? all.Length : start + newline;
            var content = all.AsSpan(start, end - start).TrimEnd((byte)'\r');
            if (candidate(content) && confirm(new SourceLine(number, Encoding.UTF8.GetString(content))))
                return true;
            start = end + 1;
        }
        return false;
    }

    /// <summary>Problems with the text itself (invalid UTF-8, CRLF line ends), found before parsing.</summary>
    public IReadOnlyList<ParseDiagnostic> Problems { get; }

    public static InputText FromBytes(string path, byte[] bytes) => FromBytes(path, bytes.AsSpan());

    /// <summary>Reads a file; <see cref="IOException"/> and friends propagate to the caller, who names the file.</summary>
    public static InputText FromFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!Utf8.IsValid(bytes))
            return FromBytes(path, bytes);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var problems = new List<ParseDiagnostic>();
        var crlf = bytes.AsSpan(start).IndexOf("\r\n"u8);
        if (crlf >= 0)
        {
            var before = bytes.AsSpan(start, crlf);
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
            problems.Add(CrlfWarning(path, before.Count((byte)'\n') + 1, column));
        }
        return new InputText(path, text: null, bytes, start, problems);
    }

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
        return new InputText(path, text, bytes: null, bytesStart: 0, problems);
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
        var all = bytes!;
        var number = 1;
        var start = bytesStart;
        while (start < all.Length)
        {
            var end = Math.Min(all.Length, start + BlockBytes);
            if (end < all.Length)
            {
                var newline = all.AsSpan(end).IndexOf((byte)'\n');
                end = newline < 0 ? all.Length : end + newline + 1;
            }
            var block = Encoding.UTF8.GetString(all, start, end - start);
            foreach (var line in LinesOf(block, number))
            {
                yield return line;
                number = line.Number + 1;
            }
            start = end;
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
