using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m recent</c> (libxt_recent.c, revision 1): one of <c>--set</c>, <c>--rcheck</c>, <c>--update</c>,
/// <c>--remove</c> on a named list of addresses. iptables-save always prints the list's name (<c>DEFAULT</c>),
/// its mask (all ones) and the side (<c>--rsource</c> unless the last of <c>--rsource</c>/<c>--rdest</c> given
/// was <c>--rdest</c>). The kernel refuses conditions on <c>--set</c> and <c>--remove</c> and hit counts of 65536 or more.
/// </summary>
internal sealed class RecentMatchDefinition : ExtensionDefinition
{
    private static readonly string[] Operations = ["--set", "--rcheck", "--update", "--remove"];

    public override string Name => "recent";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--set") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--rcheck") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--update") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--remove") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--seconds") { Normalize = Numbers.Unsigned(1, uint.MaxValue, "--seconds") },
        OptionSpec.Flag("--reap"),
        new OptionSpec("--hitcount") { Normalize = Numbers.Unsigned(0, uint.MaxValue, "--hitcount") },
        OptionSpec.Flag("--rttl"),
        new OptionSpec("--name")
        {
            Normalize = (values, context) =>
            {
                if (values[0].Length is > 0 and < 200)
                    return values;
                context.Fail("--name of match recent expects a name of 1 to 199 characters");
                return null;
            },
        },
        new OptionSpec("--mask") { Normalize = (values, context) => Addresses.Parse(values[0], "--mask", context) is { } mask ? [mask.ToString()] : null },
        OptionSpec.Flag("--rsource"),
        OptionSpec.Flag("--rdest"),
    ];

    public override IReadOnlyList<ExtensionOption>? Canonicalize(IReadOnlyList<GivenOption> given, ExtensionContext context)
    {
        if (base.Canonicalize(given, context) is not { } options)
            return null;
        // The side is the last of --rsource and --rdest given (source by default).
        var side = "--rsource";
        foreach (var option in given)
        {
            if (option.Name is "--rsource" or "--rdest")
                side = option.Name;
        }
        // iptables-save prints the list settings last: name, mask, side.
        var result = options.Where(o => o.Name is not ("--name" or "--mask" or "--rsource" or "--rdest")).ToList();
        result.Add(options.First(o => o.Name == "--name"));
        result.Add(options.First(o => o.Name == "--mask"));
        result.Add(new ExtensionOption(side, []));
        return result;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, Operations) || !options.AtMostOne(context, Name, Operations))
            return;
        if (options.Has("--rttl") && (options.Has("--set") || options.Has("--remove")))
            context.Fail("match recent: --rttl works with --rcheck or --update, not with --set or --remove");
        if (!options.Requires(context, Name, "--reap", "--seconds"))
            return;
        if ((options.Has("--set") || options.Has("--remove")) && options.Exists(o => o.Name is "--seconds" or "--hitcount" or "--reap" or "--rttl"))
            context.Fail("match recent: the kernel refuses --seconds, --hitcount, --reap and --rttl with --set or --remove");
        if (options.Find("--hitcount")?.Value is { } hits && ulong.Parse(hits, System.Globalization.CultureInfo.InvariantCulture) >= 65536)
            context.Fail($"--hitcount {hits} of match recent is too large: the kernel keeps at most 65535 packets per address");
        options.RemoveAll(o => o.Name == "--hitcount" && o.Value == "0");
        if (!options.Has("--name"))
            options.Add(new ExtensionOption("--name", ["DEFAULT"]));
        if (!options.Has("--mask"))
            options.Add(new ExtensionOption("--mask", [context.Family == IpFamily.IPv6 ? "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" : "255.255.255.255"]));
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new RecentMatch(options);
}
