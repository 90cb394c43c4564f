using System.Globalization;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary>Reads the canonical <c>0xVALUE/0xMASK</c> of <c>--set-xmark</c> and names its operation as libxt_MARK's print does.</summary>
internal static class XmarkPair
{
    public static (uint Value, uint Mask)? Parse(string? text)
    {
        if (text is null || text.IndexOf('/') is var slash && slash < 0)
            return null;
        return TryHex(text[..slash], out var value) && TryHex(text[(slash + 1)..], out var mask) ? (value, mask) : null;
    }

    /// <summary>The operation and its operand: the bits kept for <see cref="MarkOperation.And"/>, the value otherwise.</summary>
    public static (MarkOperation Operation, uint Operand) Classify(uint value, uint mask) => (value, mask) switch
    {
        (0, _) => (MarkOperation.And, ~mask),
        _ when value == mask => (MarkOperation.Or, value),
        (_, 0) => (MarkOperation.Xor, value),
        (_, uint.MaxValue) => (MarkOperation.Set, value),
        _ => (MarkOperation.SetXmark, value),
    };

    /// <summary>Reads a canonical <c>0x</c> hexadecimal number.</summary>
    public static bool TryHex(string text, out uint value)
    {
        value = 0;
        return text.StartsWith("0x", StringComparison.Ordinal)
            && uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
