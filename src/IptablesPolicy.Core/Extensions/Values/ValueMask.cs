using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// A 32-bit <c>VALUE[/MASK]</c> as libxtables reads it (<c>xtables_parse_val_mask</c>) and prints it
/// (<c>xtables_print_val_mask</c>): hexadecimal, the mask left out when it is 0xffffffff.
/// </summary>
internal static class ValueMask
{
    /// <summary>Parses the text; reports what was expected and returns null when it is not a value with an optional mask.</summary>
    public static (uint Value, uint Mask)? Parse(string text, string what, ExtensionContext context)
    {
        var slash = text.IndexOf('/');
        var valueText = slash < 0 ? text : text[..slash];
        if (!Numbers.TryParse(valueText, out var value) || value > uint.MaxValue)
        {
            context.Fail($"invalid {what} '{text}': expected VALUE[/MASK] with numbers from 0 to 0xffffffff");
            return null;
        }
        if (slash < 0)
            return ((uint)value, uint.MaxValue);
        if (!Numbers.TryParse(text[(slash + 1)..], out var mask) || mask > uint.MaxValue)
        {
            context.Fail($"invalid mask in {what} '{text}': expected VALUE/MASK with numbers from 0 to 0xffffffff");
            return null;
        }
        return ((uint)value, (uint)mask);
    }

    /// <summary>Renders as iptables-save does: <c>0x10</c> or <c>0x10/0xff</c>.</summary>
    public static string Render(uint value, uint mask) => mask == uint.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"0x{value:x}")
        : string.Create(CultureInfo.InvariantCulture, $"0x{value:x}/0x{mask:x}");

    /// <summary>Reads a saved value back; null when the text is not of the form <see cref="Render"/> writes.</summary>
    public static (uint Value, uint Mask)? TryRead(string? text)
    {
        if (text is null)
            return null;
        var slash = text.IndexOf('/');
        if (!TryReadHex(slash < 0 ? text : text[..slash], out var value))
            return null;
        if (slash < 0)
            return (value, uint.MaxValue);
        return TryReadHex(text[(slash + 1)..], out var mask) ? (value, mask) : null;
    }

    /// <summary>A normalizer for one <c>VALUE[/MASK]</c> option.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Normalizer(string what) =>
        (values, context) => Parse(values[0], what, context) is var (value, mask) ? [Render(value, mask)] : null;

    private static bool TryReadHex(string text, out uint value)
    {
        value = 0;
        return text.StartsWith("0x", StringComparison.Ordinal)
            && uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
