using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>Number readers and normalizers for extension options, as libxtables reads numbers.</summary>
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

    /// <summary>A normalizer for one number from <paramref name="min"/> to <paramref name="max"/>, saved in decimal.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Decimal(ulong min, ulong max, string what) =>
        (values, context) =>
        {
            if (TryParse(values[0], out var value) && value >= min && value <= max)
                return [value.ToString(CultureInfo.InvariantCulture)];
            context.Fail($"invalid {what} '{values[0]}': expected a number from {min} to {max}");
            return null;
        };

    /// <summary>A normalizer for an <see cref="UnsignedRange"/> up to <paramref name="max"/>, saved as <c>N</c> or <c>FIRST:LAST</c>.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Range(ulong max, string what) =>
        (values, context) => UnsignedRange.Parse(values[0], max, what, context) is { } range ? [range.ToString()] : null;
}
