using System.Globalization;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>The syslog levels <c>--log-level</c> takes (libxtables <c>xtopt_parse_sysloglevel</c>): 0-7 or a name.</summary>
internal static class SyslogLevels
{
    /// <summary>The level iptables-save leaves out (<c>LOG_WARNING</c>).</summary>
    public const int Default = 4;

    private static readonly Dictionary<string, int> ByName = new(StringComparer.Ordinal)
    {
        ["alert"] = 1, ["crit"] = 2, ["debug"] = 7, ["emerg"] = 0, ["error"] = 3,
        ["info"] = 6, ["notice"] = 5, ["panic"] = 0, ["warning"] = 4,
    };

    /// <summary>A normalizer printing the level as its number.</summary>
    public static IReadOnlyList<string>? Normalize(IReadOnlyList<string> values, ExtensionContext context)
    {
        var text = values[0];
        if (OptionValues.TryParseUnsigned(text, out var number) && number <= 7)
            return [number.ToString(CultureInfo.InvariantCulture)];
        if (ByName.TryGetValue(text, out var level))
            return [level.ToString(CultureInfo.InvariantCulture)];
        context.Fail($"unknown log level '{text}': expected 0-7 or emerg, alert, crit, error, warning, notice, info, debug");
        return null;
    }
}
