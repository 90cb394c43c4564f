using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m statistic</c> (libxt_statistic.c): <c>--mode random --probability P</c> (P kept as the kernel's
/// 31-bit fraction and printed with 11 decimals) or <c>--mode nth --every N --packet P</c> (P from 0 to
/// N-1, always printed). One <c>!</c>, before <c>--probability</c> or <c>--every</c>, inverts the match.
/// </summary>
internal sealed class StatisticMatchDefinition : ExtensionDefinition
{
    public override string Name => "statistic";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--mode")
        {
            Normalize = (values, context) =>
            {
                if (values[0] is "random" or "nth")
                    return values;
                context.Fail($"unknown --mode '{values[0]}' of match statistic: expected random or nth");
                return null;
            },
        },
        new OptionSpec("--probability") { CanNegate = true, Normalize = (values, context) => ParseProbability(values[0], context) },
        new OptionSpec("--every") { CanNegate = true, Normalize = Numbers.Unsigned(1, uint.MaxValue, "--every") },
        new OptionSpec("--packet") { Normalize = Numbers.Unsigned(0, uint.MaxValue, "--packet") },
    ];

    // kube-proxy writes the same few probabilities (1/2, 1/3, ...) on thousands of rules: each text is
    // read and printed once. Parsing runs on several threads, hence the concurrent table.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> CanonicalProbabilities = new(StringComparer.Ordinal);

    private static IReadOnlyList<string>? ParseProbability(string text, ExtensionContext context)
    {
        if (CanonicalProbabilities.TryGetValue(text, out var known))
            return known;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var probability) || probability is < 0 or > 1)
        {
            context.Fail($"invalid --probability '{text}': expected a number from 0 to 1");
            return null;
        }
        // The kernel keeps lround(P * 2^31); iptables-save prints that back with %.11f.
        var fraction = Math.Round(probability * 0x80000000, MidpointRounding.AwayFromZero);
        string[] canonical = [(fraction / 0x80000000).ToString("F11", CultureInfo.InvariantCulture)];
        if (CanonicalProbabilities.Count < 4096)
            CanonicalProbabilities.TryAdd(text, canonical);
        return canonical;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, "--mode"))
            return;
        if (options.Has("--probability") && (options.Has("--every") || options.Has("--packet")))
        {
            context.Fail("match statistic: --probability cannot be combined with --every or --packet");
            return;
        }
        if (!options.Requires(context, Name, "--every", "--packet") || !options.Requires(context, Name, "--packet", "--every"))
            return;
        var mode = options.Find("--mode")!.Value;
        if (mode == "random" && !options.Has("--probability"))
            context.Fail("match statistic: --mode random needs --probability");
        if (mode == "nth" && !options.Has("--every"))
            context.Fail("match statistic: --mode nth needs --every and --packet");
        if (options.Find("--every")?.Value is { } every && options.Find("--packet")?.Value is { } packet
            && ulong.Parse(packet, CultureInfo.InvariantCulture) >= ulong.Parse(every, CultureInfo.InvariantCulture))
            context.Fail($"match statistic: --packet {packet} must be below --every {every}");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new StatisticMatch(options);
}
