using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary><c>-m ah --ahspi RANGE</c> in iptables; needs <c>-p ah</c>.</summary>
internal sealed class AhIPv4MatchDefinition : SpiMatchDefinition
{
    public override string Name => "ah";

    public override IpFamily Family => IpFamily.IPv4;

    protected override string SpiOption => "--ahspi";

    protected override string? RequiredProtocol => "ah";

    public override IReadOnlyList<OptionSpec> Options { get; } = [Spi("--ahspi")];
}

/// <summary>
/// <c>-m ah</c> in ip6tables: <c>--ahspi RANGE</c>, <c>--ahlen N</c> (saved when not 0 or negated) and
/// <c>--ahres</c>; an extension header, so any <c>-p</c>.
/// </summary>
internal sealed class AhIPv6MatchDefinition : SpiMatchDefinition
{
    public override string Name => "ah";

    public override IpFamily Family => IpFamily.IPv6;

    protected override string SpiOption => "--ahspi";

    protected override string? RequiredProtocol => null;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        Spi("--ahspi"),
        new OptionSpec("--ahlen") { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, "--ahlen") },
        OptionSpec.Flag("--ahres"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        base.Complete(options, context);
        options.RemoveAll(o => o.Name == "--ahlen" && !o.IsNegated && o.Value == "0");
    }
}
