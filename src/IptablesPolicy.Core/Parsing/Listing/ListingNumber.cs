using System.Globalization;

namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// Reads a counter as <c>iptables -v</c> prints it: exact below 100000, then rounded to thousands with a
/// K, M, G or T suffix (xtables_print_num); <c>-x</c> prints every number exactly.
/// </summary>
internal static class ListingNumber
{
    /// <summary>Reads <c>397M</c> or <c>15044</c>; <paramref name="exact"/> is false when a suffix rounded it.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ulong value, out bool exact)
    {
        value = 0;
        exact = true;
        if (text.Length == 0)
            return false;
        ulong multiplier = text[^1] switch
        {
            'K' => 1_000UL,
            'M' => 1_000_000UL,
            'G' => 1_000_000_000UL,
            'T' => 1_000_000_000_000UL,
            _ => 1UL,
        };
        var digits = multiplier == 1 ? text : text[..^1];
        if (!ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > ulong.MaxValue / multiplier)
            return false;
        exact = multiplier == 1;
        value = number * multiplier;
        return true;
    }
}
