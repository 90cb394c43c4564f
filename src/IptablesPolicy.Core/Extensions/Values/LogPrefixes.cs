using System.Text;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>Log prefixes as LOG and NFLOG read them: not empty, no newline, cut to what the kernel structure holds.</summary>
internal static class LogPrefixes
{
    public static IReadOnlyList<string>? Normalize(string text, int maxBytes, string option, ExtensionContext context)
    {
        if (text.Length == 0)
        {
            context.Fail($"{option} is empty: expected at least one character");
            return null;
        }
        if (text.Contains('\n'))
        {
            context.Fail($"{option} contains a newline: expected one line");
            return null;
        }
        return [Truncate(text, maxBytes)];
    }

    /// <summary>Cuts the text to <paramref name="maxBytes"/> UTF-8 bytes, as <c>strncpy</c> into a fixed field does.</summary>
    private static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
            return text;
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetString(bytes, 0, maxBytes);
    }
}
