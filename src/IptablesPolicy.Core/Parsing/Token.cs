namespace IptablesPolicy.Core.Parsing;

/// <summary>One argument of a rule line, unquoted, with the columns it covered in the line (1-based, end exclusive).</summary>
internal readonly record struct Token(string Text, int StartColumn, int EndColumn, bool WasQuoted)
{
    /// <summary>True for an option name: a dash followed by a letter or a second dash (<c>-1</c> is a value).</summary>
    public bool IsOption =>
        !WasQuoted && Text.Length >= 2 && Text[0] == '-' && (char.IsAsciiLetter(Text[1]) || Text[1] == '-');

    public bool IsBang => !WasQuoted && Text == "!";

    public override string ToString() => Text;
}
