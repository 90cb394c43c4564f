using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m frag</c> (libip6t_frag.c): the Fragment header's identification range (left out when it covers
/// every value and is not negated), its length, and the flags <c>--fragres</c>, <c>--fragfirst</c>,
/// <c>--fragmore</c> and <c>--fraglast</c> (the last two exclude each other).
/// </summary>
internal sealed class FragMatchDefinition : ExtensionDefinition
{
    public override string Name => "frag";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv6;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--fragid") { CanNegate = true, Normalize = Numbers.Range(uint.MaxValue, "--fragid") },
        new OptionSpec("--fraglen") { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, "--fraglen") },
        OptionSpec.Flag("--fragres"),
        OptionSpec.Flag("--fragfirst"),
        OptionSpec.Flag("--fragmore"),
        OptionSpec.Flag("--fraglast"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Exists(o => o.Name == "--fragmore") && options.Exists(o => o.Name == "--fraglast"))
            context.Fail("--fragmore and --fraglast of match frag exclude each other: expected one of them");
        FullRange.RemoveUnlessNegated(options, "--fragid", uint.MaxValue);
    }
}
