using System.Globalization;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Extensions;

/// <summary>Normalizers for the kinds of values many extensions share: ports, port ranges, numbers, marks.</summary>
internal static class OptionValues
{
    /// <summary>
    /// A port range as <c>xtables_parse_port</c> reads it: <c>PORT</c>, <c>FIRST:LAST</c>, <c>FIRST:</c> (to 65535),
    /// <c>:LAST</c> (from 0), <c>:</c> (all); service names allowed.
    /// </summary>
    public static PortRange? ParsePortRange(string text, ExtensionContext context)
    {
        var colon = text.IndexOf(':');
        if (colon < 0)
            return ParsePort(text, context) is int port ? new PortRange(port, port) : null;
        var firstText = text[..colon];
        var lastText = text[(colon + 1)..];
        var first = firstText.Length == 0 ? 0 : ParsePort(firstText, context);
        var last = lastText.Length == 0 ? 65535 : ParsePort(lastText, context);
        if (first is null || last is null)
            return null;
        if (first > last)
        {
            context.Fail($"port range {text} is empty: expected FIRST:LAST with FIRST at most LAST");
            return null;
        }
        return new PortRange(first.Value, last.Value);
    }

    /// <summary>A port number or service name.</summary>
    public static int? ParsePort(string text, ExtensionContext context)
    {
        if (ServiceNames.TryParsePort(text, out var port))
            return port;
        context.Fail($"invalid port '{text}': expected a number from 0 to 65535 or a service name");
        return null;
    }

    /// <summary>An unsigned number in <c>[min, max]</c>, decimal, or hexadecimal with <c>0x</c>, or octal with a leading 0, as strtoul with base 0 reads it.</summary>
    public static ulong? ParseUnsigned(string text, ulong min, ulong max, string what, ExtensionContext context)
    {
        if (TryParseUnsigned(text, out var value) && value >= min && value <= max)
            return value;
        context.Fail($"invalid {what} '{text}': expected a number from {min} to {max}");
        return null;
    }

    /// <summary>Reads a number as strtoul with base 0 does (decimal, 0x hexadecimal, 0 octal).</summary>
    public static bool TryParseUnsigned(string text, out ulong value)
    {
        value = 0;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        if (text.Length > 1 && text[0] == '0')
        {
            foreach (var c in text.AsSpan(1))
            {
                if (c is < '0' or > '7')
                    return false;
                value = checked((value * 8) + (ulong)(c - '0'));
            }
            return true;
        }
        return text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9') && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A normalizer for one port range option, rendered as iptables-save does.</summary>
    public static IReadOnlyList<string>? PortRangeValue(IReadOnlyList<string> values, ExtensionContext context) =>
        ParsePortRange(values[0], context) is { } range ? [range.ToString()] : null;

    /// <summary>A normalizer for a 32-bit <c>value[/mask]</c> as the mark extensions print it: <c>0x8000/0x8000</c>.</summary>
    public static IReadOnlyList<string>? MarkValue(IReadOnlyList<string> values, ExtensionContext context)
    {
        var text = values[0];
        var slash = text.IndexOf('/');
        var valueText = slash < 0 ? text : text[..slash];
        if (!TryParseUnsigned(valueText, out var value) || value > uint.MaxValue)
        {
            context.Fail($"invalid mark '{text}': expected VALUE[/MASK] with 32-bit numbers");
            return null;
        }
        if (slash < 0)
            return [$"0x{value:x}"];
        if (!TryParseUnsigned(text[(slash + 1)..], out var mask) || mask > uint.MaxValue)
        {
            context.Fail($"invalid mask in '{text}': expected VALUE/MASK with 32-bit numbers");
            return null;
        }
        return [$"0x{value:x}/0x{mask:x}"];
    }
}
