using System.Globalization;
using System.Net;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m connlimit</c> (libxt_connlimit.c, revision 1): <c>--connlimit-upto N</c> or
/// <c>--connlimit-above N</c> (a negated one is saved as the other), then the grouping mask as a prefix
/// length (default 32 or 128) and <c>--connlimit-saddr</c> (default) or <c>--connlimit-daddr</c>, all
/// always saved.
/// </summary>
internal sealed class ConnlimitMatchDefinition : ExtensionDefinition
{
    public override string Name => "connlimit";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--connlimit-upto") { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, "--connlimit-upto") },
        new OptionSpec("--connlimit-above") { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, "--connlimit-above") },
        new OptionSpec("--connlimit-mask") { Normalize = NormalizeMask },
        OptionSpec.Flag("--connlimit-saddr"),
        OptionSpec.Flag("--connlimit-daddr"),
    ];

    // XTTYPE_PLENMASK: a prefix length up to the family's width, or a mask written as an address;
    // connlimit saves the count of the mask's leading ones.
    private static IReadOnlyList<string>? NormalizeMask(IReadOnlyList<string> values, ExtensionContext context)
    {
        var bits = context.Family == IpFamily.IPv4 ? 32UL : 128UL;
        var text = values[0];
        if (Numbers.TryParse(text, out var length) && length <= bits)
            return [length.ToString(CultureInfo.InvariantCulture)];
        if (HostMask.TryParseAddress(text, out var mask) && (context.Family != IpFamily.IPv4 || mask.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
            return [HostMask.LeadingOnes(mask).ToString(CultureInfo.InvariantCulture)];
        context.Fail($"invalid --connlimit-mask '{text}': expected a prefix length from 0 to {bits} or a network mask");
        return null;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        var hasUpto = options.Exists(o => o.Name == "--connlimit-upto");
        var hasAbove = options.Exists(o => o.Name == "--connlimit-above");
        if (hasUpto && hasAbove)
            context.Fail("--connlimit-upto and --connlimit-above exclude each other: expected one of them");
        else if (!hasUpto && !hasAbove)
            context.Fail("match connlimit needs --connlimit-above or --connlimit-upto");
        if (options.Exists(o => o.Name == "--connlimit-saddr") && options.Exists(o => o.Name == "--connlimit-daddr"))
            context.Fail("--connlimit-saddr and --connlimit-daddr exclude each other: expected one of them");
        var limit = options.FindIndex(o => o.Name is "--connlimit-upto" or "--connlimit-above");
        if (limit >= 0 && options[limit].IsNegated)
        {
            // ! --connlimit-upto N is --connlimit-above N and the other way round.
            var other = options[limit].Name == "--connlimit-upto" ? "--connlimit-above" : "--connlimit-upto";
            options[limit] = new ExtensionOption(other, options[limit].Values);
        }
        if (!options.Exists(o => o.Name == "--connlimit-mask"))
            options.Insert(limit + 1, new ExtensionOption("--connlimit-mask", [context.Family == IpFamily.IPv6 ? "128" : "32"]));
        if (!options.Exists(o => o.Name is "--connlimit-saddr" or "--connlimit-daddr"))
            options.Add(new ExtensionOption("--connlimit-saddr", []));
    }
}
