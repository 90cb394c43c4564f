using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// The shape of <c>-m ttl</c> (libipt_ttl.c) and <c>-m hl</c> (libip6t_hl.c): exactly one of
/// <c>--X-eq</c> (negatable), <c>--X-lt</c>, <c>--X-gt</c>, each an 8-bit number; <c>--X</c> is another name
/// of <c>--X-eq</c> (libxtables finds an option's flags by its id, so the alias can be negated too).
/// </summary>
internal abstract class TtlLikeMatchDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        new OptionSpec($"--{Name}-eq", $"--{Name}") { CanNegate = true, Normalize = Numbers.Unsigned(0, 255, $"--{Name}-eq") },
        new OptionSpec($"--{Name}-lt") { Normalize = Numbers.Unsigned(0, 255, $"--{Name}-lt") },
        new OptionSpec($"--{Name}-gt") { Normalize = Numbers.Unsigned(0, 255, $"--{Name}-gt") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        string[] names = [$"--{Name}-eq", $"--{Name}-lt", $"--{Name}-gt"];
        if (options.RequireAny(context, Name, names))
            options.AtMostOne(context, Name, names);
    }
}

/// <summary><c>-m ttl</c> in iptables: the IPv4 time to live.</summary>
internal sealed class TtlMatchDefinition : TtlLikeMatchDefinition
{
    public override string Name => "ttl";

    public override IpFamily Family => IpFamily.IPv4;
}

/// <summary><c>-m hl</c> in ip6tables: the IPv6 hop limit.</summary>
internal sealed class HlMatchDefinition : TtlLikeMatchDefinition
{
    public override string Name => "hl";

    public override IpFamily Family => IpFamily.IPv6;
}
