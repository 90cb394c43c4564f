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

    private InputText(string path, List<SourceLine> lines, List<ParseDiagnostic> problems)
    {
        Path = path;
        Lines = lines;
        Problems = problems;
    }

    public string Path { get; }

    public IReadOnlyList<SourceLine> Lines { get; }

    /// <summary>Problems of the bytes themselves (encoding, line ends), reported on every snapshot read from the file.</summary>
    public IReadOnlyList<ParseDiagnostic> Problems { get; }

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
        var lines = new List<SourceLine>(text.Length / 48);
        var number = 0;
        var sawCrlf = false;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var lineEnd = end < 0 ? text.Length : end;
            var contentEnd = lineEnd;
            if (contentEnd > start && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
                if (!sawCrlf)
                {
                    sawCrlf = true;
                    problems.Add(new ParseDiagnostic(DiagnosticSeverity.Warning, new SourceSpan(path, number + 1, contentEnd - start + 1, contentEnd - start + 2), "CRLF line ends (Windows): read as LF; iptables-restore would reject them"));
                }
            }
            lines.Add(new SourceLine(++number, text[start..contentEnd]));
            start = lineEnd + 1;
        }
        return new InputText(path, lines, problems);
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
