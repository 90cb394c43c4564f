using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// The MARK and CONNMARK operations that the kernel stores as one (value, mask) pair and iptables-save
/// prints as <c>--set-xmark 0xVALUE/0xMASK</c> (libxt_MARK.c <c>mark_tg_parse</c>): the new mark is
/// <c>(old AND NOT mask) XOR value</c>.
/// </summary>
internal static class XmarkValues
{
    /// <summary><c>--set-xmark VALUE[/MASK]</c>: as given, the mask 0xffffffff when absent.</summary>
    public static IReadOnlyList<string>? SetXmark(IReadOnlyList<string> values, ExtensionContext context) =>
        TargetValues.TryParseMarkMask(values[0], context, out var value, out var mask) ? [Format(value, mask)] : null;

    /// <summary><c>--set-mark VALUE[/MASK]</c>: clears the mask's bits, then sets the value's (mask = value OR mask).</summary>
    public static IReadOnlyList<string>? SetMark(IReadOnlyList<string> values, ExtensionContext context) =>
        TargetValues.TryParseMarkMask(values[0], context, out var value, out var mask) ? [Format(value, value | mask)] : null;

    /// <summary><c>--and-mark BITS</c>: keeps only these bits.</summary>
    public static IReadOnlyList<string>? AndMark(IReadOnlyList<string> values, ExtensionContext context) =>
        Number(values[0], context) is { } bits ? [Format(0, ~bits)] : null;

    /// <summary><c>--or-mark BITS</c>: sets these bits.</summary>
    public static IReadOnlyList<string>? OrMark(IReadOnlyList<string> values, ExtensionContext context) =>
        Number(values[0], context) is { } bits ? [Format(bits, bits)] : null;

    /// <summary><c>--xor-mark BITS</c>: flips these bits.</summary>
    public static IReadOnlyList<string>? XorMark(IReadOnlyList<string> values, ExtensionContext context) =>
        Number(values[0], context) is { } bits ? [Format(bits, 0)] : null;

    private static uint? Number(string text, ExtensionContext context) =>
        (uint?)OptionValues.ParseUnsigned(text, 0, uint.MaxValue, "32-bit mark", context);

    private static string Format(uint value, uint mask) => $"0x{value:x}/0x{mask:x}";
}
