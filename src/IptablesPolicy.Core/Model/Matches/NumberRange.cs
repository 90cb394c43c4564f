using System.Globalization;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>An inclusive range of numbers a match compares with (packet lengths, user ids); a single value has <see cref="First"/> equal to <see cref="Last"/>.</summary>
/// <param name="First">The smallest value in the range.</param>
/// <param name="Last">The largest value in the range.</param>
public readonly record struct NumberRange(ulong First, ulong Last)
{
    /// <summary>True when the range holds the value.</summary>
    public bool Contains(ulong value) => value >= First && value <= Last;

    /// <summary>True when the range holds a single value.</summary>
    public bool IsSingle => First == Last;

    /// <summary>Renders the range as <c>N</c> or <c>FIRST:LAST</c>.</summary>
    public override string ToString() => IsSingle
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}:{Last}");

    /// <summary>Reads <c>N</c> or <c>FIRST{separator}LAST</c> in decimal, as iptables-save prints ranges; null otherwise.</summary>
    public static NumberRange? TryParse(string? text, char separator = ':')
    {
        if (text is null)
            return null;
        var at = text.IndexOf(separator);
        if (at < 0)
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single) ? new NumberRange(single, single) : null;
        return ulong.TryParse(text.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && ulong.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first <= last
            ? new NumberRange(first, last)
            : null;
    }
}
