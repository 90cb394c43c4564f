using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m physdev</c> (libxt_physdev.c): the bridge ports a bridged packet came in on or goes out of.
/// The kernel refuses <c>--physdev-out</c> and <c>--physdev-is-out</c> in OUTPUT unless the rule also
/// requires <c>--physdev-is-bridged</c>.
/// </summary>
internal sealed class PhysdevMatchDefinition : ExtensionDefinition
{
    public override string Name => "physdev";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--physdev-is-in") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--physdev-in") { CanNegate = true, Normalize = InterfaceNames.Normalizer("--physdev-in") },
        new OptionSpec("--physdev-is-out") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--physdev-out") { CanNegate = true, Normalize = InterfaceNames.Normalizer("--physdev-out") },
        new OptionSpec("--physdev-is-bridged") { MinValues = 0, MaxValues = 0, CanNegate = true },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0)
        {
            context.Fail("match physdev needs one of --physdev-in, --physdev-out, --physdev-is-in, --physdev-is-out, --physdev-is-bridged");
            return;
        }
        var bridged = options.Find("--physdev-is-bridged") is { IsNegated: false };
        if ((options.Has("--physdev-out") || options.Has("--physdev-is-out")) && !bridged && context.Chain == "OUTPUT")
            context.Fail("match physdev: --physdev-out and --physdev-is-out work in OUTPUT only with --physdev-is-bridged");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new PhysdevMatch(options);
}
