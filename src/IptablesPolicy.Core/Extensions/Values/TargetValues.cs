using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// Normalizers for the values target extensions share: bounded numbers printed in decimal or hexadecimal
/// (libxtables' <c>XTTYPE_UINT8/16/32</c>), marks with masks (<c>XTTYPE_MARKMASK32</c>) and bare strings
/// with length limits (<c>XTTYPE_STRING</c>).
/// </summary>
internal static class TargetValues
{
    /// <summary>A number in <c>[min, max]</c>, printed in decimal (<c>%u</c>).</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Decimal(ulong min, ulong max, string what) =>
        (values, context) => OptionValues.ParseUnsigned(values[0], min, max, what, context) is { } value
            ? [value.ToString(CultureInfo.InvariantCulture)]
            : null;

    /// <summary>A number in <c>[min, max]</c>, printed as <c>0x</c> and at least <paramref name="digits"/> hexadecimal digits.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Hex(ulong min, ulong max, string what, int digits = 1) =>
        (values, context) => OptionValues.ParseUnsigned(values[0], min, max, what, context) is { } value
            ? [FormatHex(value, digits)]
            : null;

    /// <summary>Formats a number as <c>printf("0x%0Nx")</c> does.</summary>
    public static string FormatHex(ulong value, int digits = 1) => "0x" + value.ToString("x" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A string of at most <paramref name="maxLength"/> bytes and at least <paramref name="minLength"/>, kept as given.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Text(string what, int minLength, int maxLength) =>
        (values, context) =>
        {
            var length = System.Text.Encoding.UTF8.GetByteCount(values[0]);
            if (length < minLength)
            {
                context.Fail($"{what} is empty: expected at least {minLength} character{(minLength == 1 ? string.Empty : "s")}");
                return null;
            }
            if (length > maxLength)
            {
                context.Fail($"{what} is longer than {maxLength} bytes");
                return null;
            }
            return values;
        };

    /// <summary>
    /// Reads <c>VALUE[/MASK]</c> as <c>xtables_parse_mark_mask</c> does: 32-bit numbers, the mask
    /// <c>0xffffffff</c> when absent.
    /// </summary>
    public static bool TryParseMarkMask(string text, ExtensionContext context, out uint value, out uint mask)
    {
        value = 0;
        mask = uint.MaxValue;
        var slash = text.IndexOf('/');
        var valueText = slash < 0 ? text : text[..slash];
        if (!OptionValues.TryParseUnsigned(valueText, out var v) || v > uint.MaxValue)
        {
            context.Fail($"invalid mark '{text}': expected VALUE[/MASK] with 32-bit numbers");
            return false;
        }
        value = (uint)v;
        if (slash < 0)
            return true;
        if (!OptionValues.TryParseUnsigned(text[(slash + 1)..], out var m) || m > uint.MaxValue)
        {
            context.Fail($"invalid mask in '{text}': expected VALUE/MASK with 32-bit numbers");
            return false;
        }
        mask = (uint)m;
        return true;
    }

    /// <summary>A normalizer for <c>VALUE[/MASK]</c>, printed <c>0xVALUE/0xMASK</c> with the full mask filled in.</summary>
    public static IReadOnlyList<string>? MarkMask(IReadOnlyList<string> values, ExtensionContext context) =>
        TryParseMarkMask(values[0], context, out var value, out var mask) ? [$"0x{value:x}/0x{mask:x}"] : null;

    /// <summary>A normalizer for a 32-bit number printed <c>0x%x</c>.</summary>
    public static IReadOnlyList<string>? Hex32(IReadOnlyList<string> values, ExtensionContext context) =>
        OptionValues.ParseUnsigned(values[0], 0, uint.MaxValue, "32-bit value", context) is { } value ? [$"0x{value:x}"] : null;
}
