using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// Packet rates as the limit and hashlimit extensions read and print them (<c>parse_rate</c>,
/// <c>print_rate</c>): <c>N[/second|/minute|/hour|/day]</c>, any prefix of the unit, is kept as the
/// interval between packets in units of 1/<c>scale</c> second, and printed back in the largest unit
/// that shows it without losing much (<c>60/min</c> prints as <c>1/sec</c>).
/// </summary>
internal static class Rates
{
    private static readonly (string Name, ulong Seconds)[] Units = [("day", 86400), ("hour", 3600), ("min", 60), ("sec", 1)];

    /// <summary>
    /// Reads a rate; returns the interval (<c>scale * unit seconds / N</c>) and the unit's length in seconds,
    /// or null when the text is not a rate (the caller says what was expected). <paramref name="tooFast"/> is
    /// set when the rate is too high for the scale.
    /// </summary>
    public static (ulong Interval, ulong UnitSeconds)? Parse(string text, ulong scale, out bool tooFast)
    {
        tooFast = false;
        ulong unit = 1;
        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            var suffix = text[(slash + 1)..];
            if (suffix.Length == 0)
                return null;
            unit = suffix switch
            {
                _ when "second".StartsWith(suffix, StringComparison.OrdinalIgnoreCase) => 1,
                _ when "minute".StartsWith(suffix, StringComparison.OrdinalIgnoreCase) => 60,
                _ when "hour".StartsWith(suffix, StringComparison.OrdinalIgnoreCase) => 3600,
                _ when "day".StartsWith(suffix, StringComparison.OrdinalIgnoreCase) => 86400,
                _ => 0,
            };
            if (unit == 0)
                return null;
        }
        var count = LeadingInteger(text);
        if (count == 0)
            return null;
        // atoll of a negative count wraps to a huge unsigned number: the rate maps to infinity.
        var interval = count < 0 ? 0 : scale * unit / (ulong)count;
        if (interval == 0)
        {
            tooFast = true;
            return null;
        }
        return (interval, unit);
    }

    /// <summary>Prints an interval as <c>print_rate</c> does; also returns the printed unit in milliseconds (hashlimit's default expiry check).</summary>
    public static (string Text, ulong UnitMilliseconds) Format(ulong interval, ulong scale)
    {
        if (interval == 0)
            return ("inf", 0);
        var i = 1;
        for (; i < Units.Length; i++)
        {
            var mult = Units[i].Seconds * scale;
            if (interval > mult || mult / interval < mult % interval)
                break;
        }
        var chosen = Units[i - 1];
        var chosenMult = chosen.Seconds * scale;
        return (string.Create(CultureInfo.InvariantCulture, $"{chosenMult / interval}/{chosen.Name}"), chosenMult / scale * 1000);
    }

    /// <summary>The integer at the start of the text, as atoll reads it (0 when there is none).</summary>
    public static long LeadingInteger(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
            negative = text[i++] == '-';
        long value = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            value = (value * 10) + (text[i] - '0');
            if (value > uint.MaxValue * 16L)
                break;
        }
        return negative ? -value : value;
    }
}
