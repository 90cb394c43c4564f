using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m time</c> (libxt_time.c): time of day, days of the month and week, and a date range, in UTC
/// unless <c>--kerneltz</c>. iptables-save prints both ends of the daytime when either was given
/// (<c>HH:MM:SS</c>), day lists in calendar order (a negated list as the days it leaves), dates as
/// <c>YYYY-MM-DDTHH:MM:SS</c>, and the default end date 2038-01-19T03:14:07 (2^31-1 seconds; the
/// save code only skips its 64-bit maximum).
/// </summary>
internal sealed class TimeMatchDefinition : ExtensionDefinition
{
    private const uint AllMonthdays = 0xFFFFFFFE;
    private const uint AllWeekdays = 0xFE;
    private const long DefaultDateStop = int.MaxValue;
    private static readonly string[] WeekDays = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public override string Name => "time";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--timestart") { Normalize = (values, context) => ParseDaytime(values[0], "--timestart", context) },
        new OptionSpec("--timestop") { Normalize = (values, context) => ParseDaytime(values[0], "--timestop", context) },
        new OptionSpec("--monthdays") { CanNegate = true, Normalize = (values, context) => ParseMonthdays(values[0], context) },
        new OptionSpec("--weekdays") { CanNegate = true, Normalize = (values, context) => ParseWeekdays(values[0], context) },
        new OptionSpec("--datestart") { Normalize = (values, context) => ParseDate(values[0], "--datestart", context) },
        new OptionSpec("--datestop") { Normalize = (values, context) => ParseDate(values[0], "--datestop", context) },
        OptionSpec.Flag("--kerneltz", "--localtz"),
        OptionSpec.Flag("--contiguous"),
        OptionSpec.Flag("--utc"),
    ];

    /// <summary><c>hh:mm[:ss]</c>, kept as seconds since midnight.</summary>
    private static IReadOnlyList<string>? ParseDaytime(string text, string option, ExtensionContext context)
    {
        var parts = text.Split(':');
        if (parts.Length is 2 or 3 && Field(parts[0], 23) is { } h && Field(parts[1], 59) is { } m && (parts.Length == 2 ? 0 : Field(parts[2], 59)) is { } s)
            return [Numbers.Decimal((h * 3600) + (m * 60) + s)];
        context.Fail($"invalid {option} '{text}': expected hh:mm[:ss] within a day");
        return null;
    }

    /// <summary><c>YYYY[-MM[-DD[Thh[:mm[:ss]]]]]</c> from 1970 to 2038, kept as seconds since the epoch (normalised as mktime does).</summary>
    private static IReadOnlyList<string>? ParseDate(string text, string option, ExtensionContext context)
    {
        var fields = new ulong[] { 0, 1, 1, 0, 0, 0 };
        var separators = new[] { '-', '-', 'T', ':', ':' };
        ulong[] limits = [2038, 12, 31, 23, 59, 59];
        var at = 0;
        var ok = true;
        for (var i = 0; i < fields.Length && ok; i++)
        {
            var end = at;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            ok = ulong.TryParse(text.AsSpan(at, end - at), NumberStyles.None, CultureInfo.InvariantCulture, out fields[i]) && fields[i] <= limits[i];
            if (i == 0)
                ok &= fields[0] >= 1970;
            if (!ok || end == text.Length)
                break;
            ok = i < separators.Length && text[end] == separators[i];
            at = end + 1;
        }
        if (ok)
        {
            var date = new DateTime((int)fields[0], 1, 1, 0, 0, 0, DateTimeKind.Utc)
                .AddMonths((int)fields[1] - 1).AddDays((int)fields[2] - 1)
                .AddHours(fields[3]).AddMinutes(fields[4]).AddSeconds(fields[5]);
            var seconds = (long)(date - DateTime.UnixEpoch).TotalSeconds;
            if (seconds is >= 0 and <= uint.MaxValue)
                return [Numbers.Decimal((ulong)seconds)];
        }
        context.Fail($"invalid {option} '{text}': expected YYYY[-MM[-DD[Thh[:mm[:ss]]]]] from 1970 to 2038");
        return null;
    }

    private static IReadOnlyList<string>? ParseMonthdays(string text, ExtensionContext context)
    {
        uint mask = 0;
        foreach (var day in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            // Day 0 is accepted (and never printed), as iptables does.
            if (!Numbers.TryParsePrefix(day, 0, out var n, out var end) || end != day.Length || n > 31)
            {
                context.Fail($"invalid --monthdays day '{day}': expected numbers from 1 to 31");
                return null;
            }
            mask |= 1u << (int)n;
        }
        return [Numbers.Decimal(mask)];
    }

    private static IReadOnlyList<string>? ParseWeekdays(string text, ExtensionContext context)
    {
        uint mask = 0;
        foreach (var day in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Numbers.TryParsePrefix(day, 0, out var n, out var end) && end == day.Length)
            {
                // iptables refuses 0 but takes numbers above 7 (never printed); beyond 31 the bit does not exist.
                if (n is < 1 or > 31)
                {
                    context.Fail($"invalid --weekdays day '{day}': expected 1 (Monday) to 7 (Sunday)");
                    return null;
                }
                mask |= 1u << (int)n;
                continue;
            }
            // iptables compares the first two letters (Mo, Tu, We, Th, Fr, Sa, Su), case-sensitively.
            var index = day.Length >= 2 ? Array.FindIndex(WeekDays, 1, w => string.CompareOrdinal(w, 0, day, 0, 2) == 0) : -1;
            if (index < 1)
            {
                context.Fail($"invalid --weekdays day '{day}': expected Mon, Tue, Wed, Thu, Fri, Sat, Sun or 1 to 7");
                return null;
            }
            mask |= 1u << index;
        }
        return [Numbers.Decimal(mask)];
    }

    private static ulong? Field(string text, ulong max) =>
        text.Length > 0 && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max ? value : null;

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Has("--utc") && options.Has("--kerneltz"))
        {
            context.Fail("match time: --utc and --kerneltz (or --localtz) cannot be combined");
            return;
        }
        var start = Seconds(options, "--timestart", 0);
        var stop = Seconds(options, "--timestop", 86399);
        if (options.Has("--contiguous") && start < stop)
            context.Fail("match time: --contiguous only makes sense when --timestop is before --timestart");

        var canonical = new List<ExtensionOption>();
        if (options.Has("--timestart") || options.Has("--timestop"))
        {
            canonical.Add(new ExtensionOption("--timestart", [Clock(start)]));
            canonical.Add(new ExtensionOption("--timestop", [Clock(stop)]));
        }
        if (Mask(options, "--monthdays", AllMonthdays) is var monthdays && monthdays != AllMonthdays)
            canonical.Add(new ExtensionOption("--monthdays", [string.Join(',', Enumerable.Range(1, 31).Where(d => (monthdays & (1u << d)) != 0))]));
        if (Mask(options, "--weekdays", AllWeekdays) is var weekdays && weekdays != AllWeekdays)
            canonical.Add(new ExtensionOption("--weekdays", [string.Join(',', Enumerable.Range(1, 7).Where(d => (weekdays & (1u << d)) != 0).Select(d => WeekDays[d]))]));
        if (Seconds(options, "--datestart", 0) is var dateStart && dateStart != 0)
            canonical.Add(new ExtensionOption("--datestart", [Date(dateStart)]));
        canonical.Add(new ExtensionOption("--datestop", [Date(Seconds(options, "--datestop", DefaultDateStop))]));
        if (options.Has("--kerneltz"))
            canonical.Add(new ExtensionOption("--kerneltz", []));
        if (options.Has("--contiguous"))
            canonical.Add(new ExtensionOption("--contiguous", []));
        options.Clear();
        options.AddRange(canonical);
    }

    private static long Seconds(List<ExtensionOption> options, string name, long fallback) =>
        options.Find(name)?.Value is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static uint Mask(List<ExtensionOption> options, string name, uint all) =>
        options.Find(name) is { Value: { } text } o ? uint.Parse(text, CultureInfo.InvariantCulture) ^ (o.IsNegated ? all : 0) : all;

    private static string Clock(long seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");

    private static string Date(long seconds) =>
        DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
