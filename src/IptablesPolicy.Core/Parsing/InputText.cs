using System.Text;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// A file's bytes split into lines: LF or CRLF line ends, invalid UTF-8 replaced (and reported at its line
/// and column) so one bad byte never loses a line.
/// </summary>
internal sealed class InputText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string text;

    private InputText(string path, string text, List<ParseDiagnostic> problems)
    {
        Path = path;
        this.text = text;
        Problems = problems;
    }

    public string Path { get; }

    /// <summary>
    /// The lines, made as they are read: a 150k-line snapshot never holds all its line strings at once,
    /// so they die young instead of being copied by the garbage collector.
    /// </summary>
    public IEnumerable<SourceLine> Lines
    {
        get
        {
            var number = 0;
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
    }

    /// <summary>Problems of the bytes themselves (encoding, line ends), reported on every snapshot read from the file.</summary>
    public IReadOnlyList<ParseDiagnostic> Problems { get; }

    public static InputText FromBytes(string path, byte[] bytes) => FromBytes(path, bytes.AsSpan());

    /// <summary>
    /// Reads a file as strict UTF-8 without holding its bytes and its text at once (a 16 MB snapshot is
    /// 32 MB of text); only a file with invalid bytes is read again, byte by byte, to report where.
    /// </summary>
    public static InputText FromFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Strict, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            var text = reader.ReadToEnd();
            return FromString(path, text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        }
        catch (DecoderFallbackException)
        {
            return FromBytes(path, File.ReadAllBytes(path));
        }
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
            var line = text.AsSpan(0, crlf).Count('\n') + 1;
            var column = crlf - lineStart + 1;
            problems.Add(new ParseDiagnostic(DiagnosticSeverity.Warning, new SourceSpan(path, line, column, column + 1), "CRLF line ends (Windows): read as LF; iptables-restore would reject them"));
        }
        return new InputText(path, text, problems);
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
