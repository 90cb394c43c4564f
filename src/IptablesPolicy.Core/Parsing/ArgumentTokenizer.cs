using System.Text;

namespace IptablesPolicy.Core.Parsing;

/// <summary>Splits a rule line into arguments the way iptables-restore or a shell does, keeping columns.</summary>
internal static class ArgumentTokenizer
{
    /// <summary>Splits <paramref name="line"/> from <paramref name="start"/>; returns false with an error message on an unterminated quote.</summary>
    public static bool TryTokenize(string line, int start, QuotingStyle style, List<Token> tokens, out string? error, out int errorColumn)
    {
        error = null;
        errorColumn = 0;
        var buffer = new StringBuilder();
        var i = start;
        while (i < line.Length)
        {
            while (i < line.Length && IsBlank(line[i]))
                i++;
            if (i >= line.Length)
                break;
            var tokenStart = i;
            var quoted = false;
            buffer.Clear();
            while (i < line.Length && !IsBlank(line[i]))
            {
                var c = line[i];
                if (c == '"' || (c == '\'' && style == QuotingStyle.Shell))
                {
                    quoted = true;
                    var close = ReadQuoted(line, i, c, style, buffer);
                    if (close < 0)
                    {
                        error = $"unterminated quote: expected a closing {c} before the end of the line";
                        errorColumn = i + 1;
                        return false;
                    }
                    i = close + 1;
                }
                else if (c == '\\' && style == QuotingStyle.Shell && i + 1 < line.Length)
                {
                    buffer.Append(line[i + 1]);
                    i += 2;
                }
                else
                {
                    buffer.Append(c);
                    i++;
                }
            }
            tokens.Add(new Token(buffer.ToString(), tokenStart + 1, i + 1, quoted));
        }
        return true;
    }

    /// <summary>Reads a quoted run that opens at <paramref name="open"/>; returns the index of the closing quote or -1.</summary>
    private static int ReadQuoted(string line, int open, char quote, QuotingStyle style, StringBuilder buffer)
    {
        var escapes = quote == '"';
        for (var i = open + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (escapes && c == '\\' && i + 1 < line.Length)
            {
                var next = line[i + 1];
                // A shell keeps the backslash before characters it does not escape inside double quotes.
                if (style == QuotingStyle.Shell && next is not ('"' or '\\' or '$' or '`'))
                    buffer.Append(c);
                buffer.Append(next);
                i++;
                continue;
            }
            if (c == quote)
                return i;
            buffer.Append(c);
        }
        return -1;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\n';
}
