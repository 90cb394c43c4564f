using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>Ethernet addresses as <c>xtopt_parse_ethermac</c> reads them and <c>xtables_print_mac</c> prints them.</summary>
internal static class MacAddresses
{
    /// <summary>Six colon-separated groups of one or two hexadecimal digits, rendered <c>0a:1b:...</c>; null after reporting otherwise.</summary>
    public static string? Parse(string text, string option, ExtensionContext context)
    {
        var parts = text.Split(':');
        if (parts.Length == 6 && parts.All(p => p.Length is 1 or 2 && p.All(char.IsAsciiHexDigit)))
            return string.Join(':', parts.Select(p => byte.Parse(p, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString("x2", CultureInfo.InvariantCulture)));
        context.Fail($"invalid MAC address '{text}' for {option}: expected six hexadecimal bytes such as 00:11:22:33:44:55");
        return null;
    }
}
