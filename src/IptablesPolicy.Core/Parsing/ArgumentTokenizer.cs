using System.Text;

namespace IptablesPolicy.Core.Parsing;

/// <summary>Splits a rule line into arguments the way iptables-restore or a shell does, keeping columns.</summary>
internal static class ArgumentTokenizer
{
    [ThreadStatic]
    private static StringBuilder? quotedBuffer;

    /// <summary>Splits <paramref name="line"/> from <paramref name="start"/>; returns false with an error message on an unterminated quote.</summary>
    public static bool TryTokenize(string line, int start, QuotingStyle style, List<Token> tokens, out string? error, out int errorColumn, StringPool? pool = null) =>
        TryTokenize(new SourceLine(0, line), start, style, tokens, out error, out errorColumn, pool);

    /// <summary>Splits <paramref name="source"/> from column index <paramref name="start"/> (0-based, relative to the line).</summary>
    public static bool TryTokenize(SourceLine source, int start, QuotingStyle style, List<Token> tokens, out string? error, out int errorColumn, StringPool? pool = null)
    {
        // Indices below run over the whole buffer; columns are relative to the line's start.
        var line = source.Buffer;
        var offset = source.Start;
        var lineEnd = source.Start + source.Length;
        start += offset;
        error = null;
        errorColumn = 0;
        var i = start;
        while (i < lineEnd)
        {
            while (i < lineEnd && IsBlank(line[i]))
                i++;
            if (i >= lineEnd)
                break;
            var tokenStart = i;
            // The plain run: a rule line is mostly plain tokens, a few characters each. A plain loop: a vectorized
            // search runs unoptimized for the first part of a large snapshot and is no faster on tokens this short.
            var plainEnd = i;
            while (plainEnd < lineEnd && !IsStop(line[plainEnd], style))
                plainEnd++;
            if (plainEnd >= lineEnd || IsBlank(line[plainEnd]))
            {
                // The common case: no quotes or escapes, so the token is a slice of the line.
                var slice = line.AsSpan(tokenStart, plainEnd - tokenStart);
                tokens.Add(new Token(pool?.Get(slice) ?? slice.ToString(), tokenStart - offset + 1, plainEnd - offset + 1, false));
                i = plainEnd;
                continue;
            }
            if (plainEnd == tokenStart && TryPlainQuoted(line, tokenStart, lineEnd, out var closing))
            {
                // A whole token in double quotes without escapes (kube-proxy's comments): a slice too.
                var inQuotes = line.AsSpan(tokenStart + 1, closing - tokenStart - 1);
                tokens.Add(new Token(pool?.Get(inQuotes) ?? inQuotes.ToString(), tokenStart - offset + 1, closing - offset + 2, true));
                i = closing + 1;
                continue;
            }
            var buffer = quotedBuffer ??= new StringBuilder(128);
            buffer.Clear().Append(line, tokenStart, plainEnd - tokenStart);
            i = plainEnd;
            var quoted = false;
            while (i < lineEnd && !IsBlank(line[i]))
            {
                var c = line[i];
                if (c == '"' || (c == '\'' && style == QuotingStyle.Shell))
                {
                    quoted = true;
                    var close = ReadQuoted(line, i, lineEnd, c, style, buffer);
                    if (close < 0)
                    {
                        error = $"unterminated quote: expected a closing {c} before the end of the line";
                        errorColumn = i - offset + 1;
                        return false;
                    }
                    i = close + 1;
                }
                else if (c == '\\' && style == QuotingStyle.Shell && i + 1 < lineEnd)
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
            tokens.Add(new Token(Text(buffer, pool), tokenStart - offset + 1, i - offset + 1, quoted));
        }
        return true;
    }

    /// <summary>A quoted token's text, shared through the pool when short: kube-proxy repeats each comment on several rules.</summary>
    private static string Text(StringBuilder buffer, StringPool? pool)
    {
        if (pool is null || buffer.Length > StringPool.MaxPooledLength)
            return buffer.ToString();
        Span<char> text = stackalloc char[buffer.Length];
        buffer.CopyTo(0, text, buffer.Length);
        return pool.Get(text);
    }

    /// <summary>Reads a quoted run that opens at <paramref name="open"/>; returns the index of the closing quote or -1.</summary>
    private static int ReadQuoted(string line, int open, int lineEnd, char quote, QuotingStyle style, StringBuilder buffer)
    {
        var escapes = quote == '"';
        for (var i = open + 1; i < lineEnd; i++)
        {
            var c = line[i];
            if (escapes && c == '\\' && i + 1 < lineEnd)
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

    /// <summary>
    /// Whether the token at <paramref name="open"/> is one double-quoted run with no backslash in it, followed by
    /// a blank or the line's end; <paramref name="close"/> is then its closing quote. Both quoting styles read
    /// such a run the same way.
    /// </summary>
    private static bool TryPlainQuoted(string line, int open, int lineEnd, out int close)
    {
        close = -1;
        if (line[open] != '"')
            return false;
        for (var i = open + 1; i < lineEnd; i++)
        {
            var c = line[i];
            if (c == '\\')
                return false;
            if (c == '"')
            {
                close = i;
                return i + 1 >= lineEnd || IsBlank(line[i + 1]);
            }
        }
        return false;
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>What ends a plain run of characters: a blank, or a quote or escape of the quoting style.</summary>
    private static bool IsStop(char c, QuotingStyle style) =>
        c is ' ' or '\t' or '\r' or '\n' or '"' || (style == QuotingStyle.Shell && c is '\'' or '\\');
}
