using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// An inclusive range of unsigned numbers as libxtables reads the <c>XTTYPE_UINT*RC</c> option types
/// (<c>xtopt_parse_mint</c>): <c>N</c>, <c>FIRST:LAST</c>, <c>FIRST:</c> (to the type's maximum),
/// <c>:LAST</c> (from 0) and <c>:</c> (everything); numbers as strtoul with base 0 reads them; the last
/// may not be below the first.
/// </summary>
internal readonly record struct UnsignedRange(ulong First, ulong Last)
{
    /// <summary>True when the text had one number only (iptables' <c>nvals == 1</c>).</summary>
    public bool IsSingle { get; init; }

    /// <summary>True when the range covers every value from 0 to <paramref name="max"/>.</summary>
    public bool CoversAll(ulong max) => First == 0 && Last == max;

    /// <summary>Parses the range; reports what was expected and returns null when the text is not one.</summary>
    public static UnsignedRange? Parse(string text, ulong max, string what, ExtensionContext context)
    {
        var colon = text.IndexOf(':');
        var firstText = colon < 0 ? text : text[..colon];
        var lastText = colon < 0 ? null : text[(colon + 1)..];
        if (lastText is not null && lastText.Contains(':'))
            return Fail(text, max, what, context);
        ulong first = 0;
        if (firstText.Length > 0 && !TryParse(firstText, max, out first))
            return Fail(text, max, what, context);
        if (lastText is null)
            return new UnsignedRange(first, first) { IsSingle = true };
        var last = max;
        if (lastText.Length > 0 && !TryParse(lastText, max, out last))
            return Fail(text, max, what, context);
        if (last < first)
        {
            context.Fail($"invalid {what} range '{text}': expected FIRST:LAST with FIRST at most LAST");
            return null;
        }
        return new UnsignedRange(first, last);
    }

    /// <summary>Renders as the range-printing extensions do: <c>N</c> when both ends are equal, else <c>FIRST:LAST</c>.</summary>
    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}:{Last}");

    /// <summary>Reads <c>N</c> or <c>FIRST:LAST</c> as <see cref="ToString"/> wrote it; null otherwise.</summary>
    public static UnsignedRange? TryRead(string? text)
    {
        if (text is null)
            return null;
        var colon = text.IndexOf(':');
        if (colon < 0)
            return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single) ? new UnsignedRange(single, single) { IsSingle = true } : null;
        return ulong.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && ulong.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? new UnsignedRange(first, last)
            : null;
    }

    private static bool TryParse(string text, ulong max, out ulong value) =>
        Numbers.TryParse(text, out value) && value <= max;

    private static UnsignedRange? Fail(string text, ulong max, string what, ExtensionContext context)
    {
        context.Fail($"invalid {what} '{text}': expected a number or FIRST:LAST with numbers from 0 to {max}");
        return null;
    }
}
