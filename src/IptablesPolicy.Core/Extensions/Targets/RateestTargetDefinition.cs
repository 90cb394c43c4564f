using System.Globalization;
using System.Text.RegularExpressions;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j RATEEST --rateest-name NAME --rateest-interval TIME --rateest-ewmalog TIME</c> (libxt_RATEEST.c):
/// all three mandatory. The kernel keeps the interval as a power of two of 250 ms and the averaging
/// constant as a power of two of the interval, so iptables-save prints the times those powers give back.
/// </summary>
internal sealed partial class RateestTargetDefinition : ExtensionDefinition
{
    private const double UnitsPerSecond = 1_000_000;

    public override string Name => "RATEEST";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--rateest-name") { Normalize = TargetValues.Text("--rateest-name", 1, 15) },
        new OptionSpec("--rateest-interval") { Normalize = (values, context) => Time(values[0], "--rateest-interval", context) },
        new OptionSpec("--rateest-ewmalog") { Normalize = (values, context) => Time(values[0], "--rateest-ewmalog", context) },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!TargetChecks.Require(options, context, Name, "--rateest-name", "--rateest-interval", "--rateest-ewmalog"))
            return;
        var interval = uint.Parse(options[1].Value!, CultureInfo.InvariantCulture);
        var ewma = uint.Parse(options[2].Value!, CultureInfo.InvariantCulture);
        // RATEEST_final_check: the smallest power 2^i * 250ms (i up to 5) that holds the interval...
        var exponent = 0;
        while (exponent <= 5 && interval > (1u << exponent) * (UnitsPerSecond / 4))
            exponent++;
        if (exponent > 5)
        {
            context.Fail("--rateest-interval is too large: expected at most 8s");
            return;
        }
        // ...and the averaging constant: the first power of two whose time constant exceeds the ewmalog, less one.
        var ewmaLog = 1;
        for (; ewmaLog < 32; ewmaLog++)
        {
            var w = 1.0 - (1.0 / (1L << ewmaLog));
            if (interval / -Math.Log(w) > ewma)
                break;
        }
        ewmaLog--;
        if (ewmaLog is 0 or >= 31)
        {
            context.Fail("--rateest-ewmalog is out of range for this interval");
            return;
        }
        var localInterval = (uint)(UnitsPerSecond * (1 << exponent) / 4);
        options[1] = new ExtensionOption("--rateest-interval", [FormatTime(localInterval)]);
        options[2] = new ExtensionOption("--rateest-ewmalog", [FormatTime(unchecked(localInterval * (1u << ewmaLog)))]);
    }

    /// <summary>A time as <c>RATEEST_get_time</c> reads it (a number with s, ms or us; microseconds without), kept in microseconds until Complete.</summary>
    private static IReadOnlyList<string>? Time(string text, string option, ExtensionContext context)
    {
        var number = NumberPrefix().Match(text);
        if (!number.Success || !double.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            context.Fail($"bad {option} value '{text}': expected a time such as 250ms");
            return null;
        }
        var end = number.Length;
        var unit = text[end..].ToLowerInvariant();
        var factor = unit switch
        {
            "" => 1.0,
            "s" or "sec" or "secs" => UnitsPerSecond,
            "ms" or "msec" or "msecs" => UnitsPerSecond / 1000,
            "us" or "usec" or "usecs" => UnitsPerSecond / 1_000_000,
            _ => double.NaN,
        };
        if (double.IsNaN(factor) || value * factor < 0 || value * factor > uint.MaxValue)
        {
            context.Fail($"bad {option} value '{text}': expected a time such as 250ms (units s, ms or us)");
            return null;
        }
        return [((uint)(value * factor)).ToString(CultureInfo.InvariantCulture)];
    }

    /// <summary>The number strtod reads at the start of a time.</summary>
    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    /// <summary>Formats microseconds as <c>RATEEST_print_time</c>: <c>%.1fs</c>, <c>%.1fms</c> or <c>%uus</c>.</summary>
    private static string FormatTime(uint time) => time switch
    {
        >= (uint)UnitsPerSecond => (time / UnitsPerSecond).ToString("0.0", CultureInfo.InvariantCulture) + "s",
        >= (uint)(UnitsPerSecond / 1000) => (time / (UnitsPerSecond / 1000)).ToString("0.0", CultureInfo.InvariantCulture) + "ms",
        _ => time.ToString(CultureInfo.InvariantCulture) + "us",
    };
}
