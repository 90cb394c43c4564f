namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// One line of input with its 1-based number in the file: a slice of the file's text, so reading a
/// large snapshot does not make a string per line (<see cref="Text"/> makes one when asked).
/// </summary>
internal readonly record struct SourceLine(int Number, string Buffer, int Start, int Length)
{
    public SourceLine(int number, string text)
        : this(number, text, 0, text.Length)
    {
    }

    /// <summary>The line's characters, without its line end.</summary>
    public ReadOnlySpan<char> Span => Buffer.AsSpan(Start, Length);

    /// <summary>The line as a string (allocated unless the buffer is the line).</summary>
    public string Text => Start == 0 && Length == Buffer.Length ? Buffer : Buffer.Substring(Start, Length);

    /// <summary>The 1-based column just after the line's last non-blank character.</summary>
    public int EndColumn => Span.TrimEnd().Length + 1;
}
