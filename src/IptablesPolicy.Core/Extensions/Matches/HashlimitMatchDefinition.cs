using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m hashlimit</c> (libxt_hashlimit.c, revision 3): a rate limit per group of packets (by address,
/// port). The rate is packets (<c>N/unit</c>) or bytes (<c>N[k|m]b/s</c>); iptables-save prints what the
/// kernel keeps: the rate in its chosen unit, the burst (default 5 packets; in byte mode rounded up to whole
/// rate quanta and printed in bytes), and table settings only when they differ from their defaults.
/// </summary>
internal sealed class HashlimitMatchDefinition : ExtensionDefinition
{
    private const ulong Scale = 1_000_000;
    private const int ByteShift = 4;
    private const ulong ByteExpire = 15;
    private const ulong ByteExpireBurst = 60;
    private const ulong DefaultBurst = 5;
    private const ulong MaxBurst = 1_000_000;
    private const ulong DefaultGcInterval = 1000;
    private static readonly string[] ModeOrder = ["srcip", "srcport", "dstip", "dstport"];

    public override string Name => "hashlimit";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--hashlimit-upto", "--hashlimit") { CanNegate = true },
        new OptionSpec("--hashlimit-above") { CanNegate = true },
        new OptionSpec("--hashlimit-burst"),
        new OptionSpec("--hashlimit-mode") { Normalize = NormalizeMode },
        new OptionSpec("--hashlimit-name")
        {
            Normalize = (values, context) =>
            {
                if (values[0].Length is > 0 and < 255)
                    return values;
                context.Fail("--hashlimit-name expects a name of 1 to 254 characters");
                return null;
            },
        },
        new OptionSpec("--hashlimit-htable-size") { Normalize = Numbers.Unsigned(0, uint.MaxValue, "--hashlimit-htable-size") },
        new OptionSpec("--hashlimit-htable-max") { Normalize = Numbers.Unsigned(0, uint.MaxValue, "--hashlimit-htable-max") },
        new OptionSpec("--hashlimit-htable-gcinterval") { Normalize = Numbers.Unsigned(0, uint.MaxValue, "--hashlimit-htable-gcinterval") },
        new OptionSpec("--hashlimit-htable-expire") { Normalize = Numbers.Unsigned(0, uint.MaxValue, "--hashlimit-htable-expire") },
        new OptionSpec("--hashlimit-srcmask"),
        new OptionSpec("--hashlimit-dstmask"),
        OptionSpec.Flag("--hashlimit-rate-match"),
        new OptionSpec("--hashlimit-rate-interval")
        {
            Normalize = (values, context) =>
            {
                if (Rates.LeadingInteger(values[0]) is var n && n is > 0 and <= int.MaxValue)
                    return [Numbers.Decimal((ulong)n)];
                context.Fail($"invalid --hashlimit-rate-interval '{values[0]}': expected a number of seconds above 0");
                return null;
            },
        },
    ];

    private static IReadOnlyList<string>? NormalizeMode(IReadOnlyList<string> values, ExtensionContext context)
    {
        var parts = values[0].Split([',', '|'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (!ModeOrder.Contains(part))
            {
                context.Fail($"invalid --hashlimit-mode '{values[0]}': expected a comma-separated list of srcip, srcport, dstip, dstport");
                return null;
            }
        }
        return [string.Join(',', ModeOrder.Where(parts.Contains))];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, "--hashlimit-upto", "--hashlimit-above", "--hashlimit-name")
            || !options.AtMostOne(context, Name, "--hashlimit-upto", "--hashlimit-above"))
            return;
        var rateOption = options.Find("--hashlimit-upto") ?? options.Find("--hashlimit-above");
        if (rateOption is null)
        {
            context.Fail("match hashlimit needs --hashlimit-upto or --hashlimit-above");
            return;
        }
        if (!options.RequireAny(context, Name, "--hashlimit-name"))
            return;
        // --hashlimit-above N is "not up to N"; a ! flips it back.
        var above = (rateOption.Name == "--hashlimit-above") != rateOption.IsNegated;
        var rateText = rateOption.Value!;
        ulong mult;
        var bytes = TryParseBytes(rateText, out var average, context);
        if (bytes is null)
            return;
        if (bytes == true)
            mult = ByteExpire;
        else if (Rates.Parse(rateText, Scale, out var tooFast) is var (interval, unit))
            (average, mult) = (interval, unit);
        else
        {
            context.Fail(tooFast
                ? $"{rateOption.Name} {rateText} is too fast"
                : $"invalid {rateOption.Name} '{rateText}': expected N[/second|/minute|/hour|/day] or N[k|m]b/s");
            return;
        }

        var burstGiven = options.Find("--hashlimit-burst")?.Value;
        var burst = DefaultBurst;
        if (burstGiven is not null)
        {
            if (ParseBurst(burstGiven, context) is not { } parsedBurst)
                return;
            burst = parsedBurst;
        }

        var expire = options.Find("--hashlimit-htable-expire")?.Value is { } e ? ulong.Parse(e, CultureInfo.InvariantCulture) : mult * 1000;
        if (bytes == true)
        {
            var quantum = CostToBytes(average);
            if (burstGiven is not null)
            {
                if (burst < quantum)
                {
                    context.Fail($"--hashlimit-burst {burstGiven} is smaller than the rate's quantum: expected at least {quantum}b");
                    return;
                }
                burst = (burst / quantum) + (burst % quantum != 0 ? 1UL : 0UL);
                if (!options.Has("--hashlimit-htable-expire"))
                    expire = ByteExpireBurst * 1000;
            }
            else
            {
                burst = 0;
            }
        }
        else if (burst > MaxBurst)
        {
            context.Fail($"--hashlimit-burst {burstGiven} is out of range: expected 1 to {MaxBurst}");
            return;
        }

        var rateMatch = options.Has("--hashlimit-rate-match");
        var rateInterval = options.Find("--hashlimit-rate-interval")?.Value is { } ri ? ulong.Parse(ri, CultureInfo.InvariantCulture) : 0;
        if (rateMatch)
        {
            if (bytes != true)
                average /= mult;
            if (rateInterval == 0)
                rateInterval = bytes == true ? 1 : mult;
        }

        var hostBits = context.Family == IpFamily.IPv6 ? 128 : 32;
        var srcMask = ParseMask(options.Find("--hashlimit-srcmask")?.Value, hostBits, "--hashlimit-srcmask", context);
        var dstMask = ParseMask(options.Find("--hashlimit-dstmask")?.Value, hostBits, "--hashlimit-dstmask", context);
        if (srcMask is null || dstMask is null)
            return;

        var canonical = new List<ExtensionOption>();
        var (printedRate, printedQuantum) = bytes == true ? FormatBytes(average, burst) : Rates.Format(average, Scale);
        canonical.Add(new ExtensionOption(above ? "--hashlimit-above" : "--hashlimit-upto", [printedRate]));
        if (bytes != true)
            canonical.Add(new ExtensionOption("--hashlimit-burst", [Numbers.Decimal(burst)]));
        else if (burst > 0)
            canonical.Add(new ExtensionOption("--hashlimit-burst", [FormatBytesBurst(average, burst)]));
        if (options.Find("--hashlimit-mode") is { Value.Length: > 0 } mode)
            canonical.Add(mode);
        canonical.Add(options.Find("--hashlimit-name")!);
        if (options.Find("--hashlimit-htable-size") is { } size && size.Value != "0")
            canonical.Add(size);
        if (options.Find("--hashlimit-htable-max") is { } max && max.Value != "0")
            canonical.Add(max);
        if (options.Find("--hashlimit-htable-gcinterval") is { } gc && gc.Value != Numbers.Decimal(DefaultGcInterval))
            canonical.Add(gc);
        if (expire != printedQuantum)
            canonical.Add(new ExtensionOption("--hashlimit-htable-expire", [Numbers.Decimal(expire)]));
        if (srcMask != hostBits)
            canonical.Add(new ExtensionOption("--hashlimit-srcmask", [Numbers.Decimal((ulong)srcMask)]));
        if (dstMask != hostBits)
            canonical.Add(new ExtensionOption("--hashlimit-dstmask", [Numbers.Decimal((ulong)dstMask)]));
        if (rateMatch)
        {
            canonical.Add(new ExtensionOption("--hashlimit-rate-match", []));
            if (rateInterval != 1)
                canonical.Add(new ExtensionOption("--hashlimit-rate-interval", [Numbers.Decimal(rateInterval)]));
        }
        options.Clear();
        options.AddRange(canonical);
    }

    /// <summary>
    /// parse_bytes: <c>N[k|m]b/s</c> gives a byte rate, kept as a cost per byte quantum. Null after a
    /// failure, false when the text is not a byte rate (then it is read as a packet rate).
    /// </summary>
    private static bool? TryParseBytes(string text, out ulong cost, ExtensionContext context)
    {
        cost = 0;
        var at = text.IndexOf("b/s", StringComparison.Ordinal);
        if (at <= 0)
            return false;
        var count = Rates.LeadingInteger(text);
        if (count == 0)
            return false;
        var bytes = unchecked((ulong)count * Factor(text[at - 1]));
        cost = BytesToCost(bytes);
        if (cost == 0)
        {
            context.Fail($"byte rate {text} is too high");
            return null;
        }
        return true;
    }

    private static ulong? ParseBurst(string text, ExtensionContext context)
    {
        if (!Numbers.TryParsePrefix(text, 0, out var value, out var end) || value < 1 || (end == text.Length && value > MaxBurst))
        {
            context.Fail($"invalid --hashlimit-burst '{text}': expected a number from 1 to {MaxBurst}, or bytes such as 400kb");
            return null;
        }
        var factor = end < text.Length ? Factor(text[end]) : 1;
        if (value > ulong.MaxValue / factor)
        {
            context.Fail($"--hashlimit-burst {text} is too large");
            return null;
        }
        return value * factor;
    }

    private static int? ParseMask(string? text, int hostBits, string option, ExtensionContext context)
    {
        if (text is null)
            return hostBits;
        if (Numbers.TryParsePrefix(text, 0, out var length, out var end) && end == text.Length && length <= (ulong)hostBits)
            return (int)length;
        if (System.Net.IPAddress.TryParse(text, out var mask) && AddressSpec.PrefixLengthOf(mask) is { } prefix
            && (hostBits == 32) == (mask.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
            return prefix;
        context.Fail($"invalid {option} '{text}': expected a prefix length from 0 to {hostBits}");
        return null;
    }

    private static ulong Factor(char unit) => unit switch
    {
        'm' => 1024 * 1024,
        'k' => 1024,
        _ => 1,
    };

    private static ulong CostToBytes(ulong cost)
    {
        var r = cost != 0 ? uint.MaxValue / cost : uint.MaxValue;
        return (r - 1) << ByteShift;
    }

    private static ulong BytesToCost(ulong bytes)
    {
        var r = unchecked((uint)(bytes >> ByteShift));
        return r == uint.MaxValue ? 0 : uint.MaxValue / (r + 1UL);
    }

    private static readonly (string Name, ulong Threshold)[] Units = [("m", 1024 * 1024), ("k", 1024), ("", 1)];

    /// <summary>print_bytes: the byte rate in the largest unit that shows it exactly; the quantum is the default expiry in ms.</summary>
    private static (string Text, ulong Quantum) FormatBytes(ulong cost, ulong burst)
    {
        var r = CostToBytes(cost);
        var i = 0;
        for (; i < Units.Length - 1; i++)
        {
            if (r >= Units[i].Threshold && BytesToCost(r & ~(Units[i].Threshold - 1)) == cost)
                break;
        }
        var text = string.Create(CultureInfo.InvariantCulture, $"{r / Units[i].Threshold}{Units[i].Name}b/s");
        return (text, (burst == 0 ? ByteExpire : ByteExpireBurst) * 1000);
    }

    private static string FormatBytesBurst(ulong cost, ulong burst)
    {
        var r = CostToBytes(cost) * burst;
        var i = 0;
        for (; i < Units.Length - 1; i++)
        {
            if (r >= Units[i].Threshold)
                break;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{r / Units[i].Threshold}{Units[i].Name}b");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new HashlimitMatch(options);
}
