using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m rateest</c> (libxt_rateest.c): compares the rate of a RATEEST estimator with a value
/// (<c>--rateest NAME</c>) or with a second estimator (<c>--rateest1 A ... --rateest2 B</c>), optionally as
/// a difference (<c>--rateest-delta</c>). Byte rates are kept as bytes per second and printed in bit,
/// Kbit or Mbit; the comparison (<c>--rateest-lt</c>, <c>-gt</c>, <c>-eq</c>; the last one given counts) is
/// printed between the rates as iptables-save does. Whether the estimators exist is the kernel's knowledge.
/// </summary>
internal sealed class RateestMatchDefinition : ExtensionDefinition
{
    private static readonly (string Name, double Scale)[] Suffixes =
    [
        ("bit", 1), ("Kibit", 1024), ("kbit", 1000), ("Mibit", 1024 * 1024), ("mbit", 1e6), ("Gibit", 1024.0 * 1024 * 1024), ("gbit", 1e9),
        ("Tibit", 1024.0 * 1024 * 1024 * 1024), ("tbit", 1e12), ("Bps", 8), ("KiBps", 8 * 1024), ("KBps", 8000), ("MiBps", 8.0 * 1024 * 1024),
        ("MBps", 8e6), ("GiBps", 8.0 * 1024 * 1024 * 1024), ("GBps", 8e9), ("TiBps", 8.0 * 1024 * 1024 * 1024 * 1024), ("TBps", 8e12),
    ];

    public override string Name => "rateest";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--rateest-delta") { MinValues = 0, MaxValues = 0 },
        new OptionSpec("--rateest1", "--rateest"),
        new OptionSpec("--rateest-bps1") { MinValues = 0 },
        new OptionSpec("--rateest-pps1") { MinValues = 0 },
        new OptionSpec("--rateest-lt") { MinValues = 0, MaxValues = 0, CanNegate = true, AllowRepeat = true },
        new OptionSpec("--rateest-gt") { MinValues = 0, MaxValues = 0, CanNegate = true, AllowRepeat = true },
        new OptionSpec("--rateest-eq") { MinValues = 0, MaxValues = 0, CanNegate = true, AllowRepeat = true },
        new OptionSpec("--rateest-bps2", "--rateest-bps") { MinValues = 0 },
        new OptionSpec("--rateest-pps2", "--rateest-pps") { MinValues = 0 },
        new OptionSpec("--rateest2"),
    ];

    public override IReadOnlyList<ExtensionOption>? Canonicalize(IReadOnlyList<GivenOption> given, ExtensionContext context)
    {
        var errorsBefore = context.Errors.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? name1 = null, name2 = null, mode = null;
        var negated = false;
        bool delta = false, bps = false, pps = false;
        ulong bps1 = 0, bps2 = 0, pps1 = 0, pps2 = 0;
        foreach (var option in given)
        {
            context.Subject = option.At;
            var spec = FindOption(option.Name);
            if (spec is null)
            {
                context.Fail($"unknown option {option.Name} for match rateest", option.At);
                continue;
            }
            if (option.IsNegated && !spec.CanNegate)
                context.Fail($"{spec.Name} of match rateest cannot be negated with !", option.At);
            if (!spec.AllowRepeat && !seen.Add(spec.Name))
                context.Fail($"{spec.Name} given twice for match rateest: expected it at most once", option.At);
            if (option.Values.Count < spec.MinValues || option.Values.Count > spec.MaxValues)
            {
                context.Fail($"{spec.Name} of match rateest expects a value", option.At);
                continue;
            }
            var value = option.Values.Count > 0 ? option.Values[0] : null;
            switch (spec.Name)
            {
                case "--rateest-delta": delta = true; break;
                case "--rateest1": name1 = Truncate(value!); break;
                case "--rateest2": name2 = Truncate(value!); break;
                case "--rateest-lt" or "--rateest-gt" or "--rateest-eq":
                    mode = spec.Name;
                    negated |= option.IsNegated;
                    break;
                case "--rateest-bps1":
                    bps = true;
                    bps1 = value is null ? 0 : ParseRate(value, context) ?? 0;
                    break;
                case "--rateest-bps2":
                    bps = true;
                    bps2 = value is null ? 0 : ParseRate(value, context) ?? 0;
                    break;
                case "--rateest-pps1":
                    pps = true;
                    pps1 = value is null ? 0 : Numbers.Parse(value, 0, uint.MaxValue, "--rateest-pps1", context) ?? 0;
                    break;
                case "--rateest-pps2":
                    pps = true;
                    pps2 = value is null ? 0 : Numbers.Parse(value, 0, uint.MaxValue, "--rateest-pps2", context) ?? 0;
                    break;
            }
        }
        context.Subject = null;
        if (name1 is null)
            context.Fail("match rateest needs --rateest NAME (or --rateest1 NAME)");
        if (!bps && !pps)
            context.Fail("match rateest needs --rateest-bps or --rateest-pps");
        if (mode is null)
            context.Fail("match rateest needs one of --rateest-lt, --rateest-gt, --rateest-eq");
        if (context.Errors.Count > errorsBefore)
            return null;

        var relative = name2 is not null;
        var options = new List<ExtensionOption>();
        if (delta)
            options.Add(new ExtensionOption("--rateest-delta", []));
        options.Add(new ExtensionOption(relative ? "--rateest1" : "--rateest", [name1!]));
        if (bps)
            AddRates(options, "bps", FormatBits(bps1), FormatBits(bps2), delta, relative, mode!, negated);
        if (pps)
            AddRates(options, "pps", Numbers.Decimal(pps1), Numbers.Decimal(pps2), delta, relative, mode!, negated);
        if (relative)
            options.Add(new ExtensionOption("--rateest2", [name2!]));
        return options;
    }

    private static void AddRates(List<ExtensionOption> options, string kind, string first, string second, bool delta, bool relative, string mode, bool negated)
    {
        IReadOnlyList<string> secondValue = delta || !relative ? [second] : [];
        if (delta)
        {
            options.Add(new ExtensionOption($"--rateest-{kind}1", [first]));
            options.Add(new ExtensionOption(mode, [], negated));
            options.Add(new ExtensionOption($"--rateest-{kind}2", secondValue));
        }
        else
        {
            options.Add(new ExtensionOption(mode, [], negated));
            options.Add(new ExtensionOption($"--rateest-{kind}", secondValue));
        }
    }

    // iptables copies the name into a 16-byte field: longer names are cut to 15 characters.
    private static string Truncate(string name) => name.Length > 15 ? name[..15] : name;

    /// <summary>A rate like <c>5kbit</c> or <c>1MBps</c> (a bare number is bits per second), kept as bytes per second.</summary>
    private static ulong? ParseRate(string text, ExtensionContext context)
    {
        // strtod reads the longest prefix that is a number; the rest is the unit.
        var end = text.Length;
        while (end > 0 && !double.TryParse(text.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            end--;
        if (end > 0 && double.TryParse(text.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var suffix = text[end..];
            var scale = suffix.Length == 0 ? 1 : Array.Find(Suffixes, s => string.Equals(s.Name, suffix, StringComparison.OrdinalIgnoreCase)).Scale;
            if (scale > 0)
            {
                var bytes = number * scale / 8;
                return bytes is >= 0 and <= uint.MaxValue ? (ulong)bytes : uint.MaxValue;
            }
        }
        context.Fail($"invalid rate '{text}' for match rateest: expected a number with a unit such as bit, kbit, mbit, Bps, KBps");
        return null;
    }

    private static string FormatBits(ulong bytesPerSecond)
    {
        var bits = bytesPerSecond * 8.0;
        return bits switch
        {
            >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{bits / 1e6:F0}Mbit"),
            >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{bits / 1e3:F0}Kbit"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bits:F0}bit"),
        };
    }
}
