using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// Numbers as libxtables reads them (<c>xtables_strtoul</c>: strtoumax with base 0, so decimal,
/// <c>0x</c> hexadecimal and leading-0 octal, and never a minus sign), single or as <c>FIRST:LAST</c> ranges.
/// </summary>
internal static class Numbers
{
    /// <summary>Reads a number as strtoul with base 0 does (decimal, 0x hexadecimal, 0 octal); false on overflow or garbage.</summary>
    public static bool TryParse(string text, out ulong value)
    {
        try
        {
            return OptionValues.TryParseUnsigned(text, out value);
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>A normalizer for an <see cref="UnsignedRange"/> up to <paramref name="max"/>, saved as <c>N</c> or <c>FIRST:LAST</c>.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Range(ulong max, string what) =>
        (values, context) => UnsignedRange.Parse(values[0], max, what, context) is { } range ? [range.ToString()] : null;

    /// <summary>
    /// Reads the number that starts at <paramref name="start"/> as strtoumax with base 0 does; <paramref name="end"/>
    /// is where it stopped. False when no digit was read, on a minus sign, or when the value overflows.
    /// </summary>
    public static bool TryParsePrefix(string text, int start, out ulong value, out int end)
    {
        value = 0;
        end = start;
        var i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        if (i < text.Length && text[i] == '-')
            return false;
        if (i < text.Length && text[i] == '+')
            i++;
        var radix = 10;
        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] is 'x' or 'X') && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 2]))
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }
        var first = i;
        try
        {
            for (; i < text.Length; i++)
            {
                var digit = DigitValue(text[i]);
                if (digit < 0 || digit >= radix)
                    break;
                value = checked((value * (ulong)radix) + (ulong)digit);
            }
        }
        catch (OverflowException)
        {
            return false;
        }
        if (i == first)
            return false;
        end = i;
        return true;
    }

    /// <summary>A whole-text number in <c>[min, max]</c>; reports what was expected otherwise.</summary>
    public static ulong? Parse(string text, ulong min, ulong max, string option, ExtensionContext context)
    {
        if (TryParsePrefix(text, 0, out var value, out var end) && end == text.Length && value >= min && value <= max)
            return value;
        context.Fail($"invalid value '{text}' for {option}: expected a number from {min} to {max}");
        return null;
    }

    /// <summary>
    /// A range as libxtables' multi-integer options read it (<c>XTTYPE_UINT16RC</c> and friends):
    /// <c>N</c>, <c>FIRST:LAST</c>, <c>FIRST:</c> (to <paramref name="max"/>), <c>:LAST</c> (from <paramref name="min"/>);
    /// LAST may not be below FIRST. Returns the bounds, equal for a single number.
    /// </summary>
    public static (ulong First, ulong Last)? ParseRange(string text, ulong min, ulong max, string option, ExtensionContext context, char separator = ':')
    {
        var sep = text.IndexOf(separator);
        var firstText = sep < 0 ? text : text[..sep];
        var first = min;
        if (firstText.Length > 0)
        {
            if (Parse(firstText, min, max, option, context) is not { } parsed)
                return null;
            first = parsed;
        }
        if (sep < 0)
            return (first, first);
        var lastText = text[(sep + 1)..];
        if (lastText.Length == 0)
            return (first, max);
        if (Parse(lastText, first, max, option, context) is not { } last)
            return null;
        return (first, last);
    }

    /// <summary>A range as iptables-save prints one: <c>N</c> when both ends are equal, else <c>FIRST:LAST</c>.</summary>
    public static string FormatRange(ulong first, ulong last, char separator = ':') =>
        first == last ? Decimal(first) : string.Create(CultureInfo.InvariantCulture, $"{first}{separator}{last}");

    /// <summary>A number in decimal, as <c>%u</c> prints it.</summary>
    public static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A normalizer for one number in <c>[min, max]</c>, printed in decimal.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Unsigned(ulong min, ulong max, string option) =>
        (values, context) => Parse(values[0], min, max, option, context) is { } n ? [Decimal(n)] : null;

    /// <summary>A normalizer for a <c>FIRST:LAST</c> range, printed as iptables-save prints it.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Range(ulong min, ulong max, string option) =>
        (values, context) => ParseRange(values[0], min, max, option, context) is var (first, last) ? [FormatRange(first, last)] : null;

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
