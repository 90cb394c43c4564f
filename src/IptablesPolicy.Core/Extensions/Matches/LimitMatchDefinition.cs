using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m limit</c> (libxt_limit.c): an average rate (<c>3/hour</c> when not given) saved in the unit
/// iptables-save chooses, and <c>--limit-burst</c> (0 to 10000), printed only when it is not 5. No option
/// can be negated. A burst of 0 is saved as the default, as the nftables backend does.
/// </summary>
internal sealed class LimitMatchDefinition : ExtensionDefinition
{
    private const ulong Scale = 10000;
    private const string DefaultBurst = "5";

    public override string Name => "limit";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--limit")
        {
            Normalize = (values, context) =>
            {
                if (Rates.Parse(values[0], Scale, out var tooFast) is var (interval, _) && interval <= uint.MaxValue)
                    return [Rates.Format(interval, Scale).Text];
                context.Fail(tooFast
                    ? $"--limit {values[0]} is too fast: expected at most 10000/sec"
                    : $"invalid --limit '{values[0]}': expected N[/second|/minute|/hour|/day]");
                return null;
            },
        },
        new OptionSpec("--limit-burst") { Normalize = Numbers.Unsigned(0, 10000, "--limit-burst") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.Has("--limit"))
            options.Insert(0, new ExtensionOption("--limit", [Rates.Format(Scale * 86400 / 24 / 3, Scale).Text]));
        // A burst of 0 never reaches iptables-save as 0: nftables turns it into the default 5 (and the
        // legacy kernel refuses it), so it is saved like the default, not printed.
        options.RemoveAll(o => o.Name == "--limit-burst" && o.Value is DefaultBurst or "0");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new LimitMatch(options);
}
