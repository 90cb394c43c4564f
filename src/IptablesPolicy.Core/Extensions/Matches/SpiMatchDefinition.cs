using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// The shape of the IPsec header matches (libxt_esp.c, libipt_ah.c, libip6t_ah.c, libxt_ipcomp.c): an SPI
/// range saved as <c>N</c> or <c>FIRST:LAST</c>, left out when it covers every SPI and is not negated.
/// </summary>
internal abstract class SpiMatchDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Match;

    /// <summary>The SPI option's name (<c>--espspi</c>).</summary>
    protected abstract string SpiOption { get; }

    /// <summary>The protocol <c>-p</c> must name (the kernel match is bound to it), or null when any will do.</summary>
    protected abstract string? RequiredProtocol { get; }

    /// <summary>Creates the SPI option.</summary>
    protected static OptionSpec Spi(string name) => new(name) { CanNegate = true, Normalize = Numbers.Range(uint.MaxValue, name) };

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (RequiredProtocol is { } protocol && !context.ProtocolIs(protocol))
            context.Fail($"match {Name} needs -p {protocol} (and not ! -p {protocol})");
        FullRange.RemoveUnlessNegated(options, SpiOption, uint.MaxValue);
    }
}

/// <summary><c>-m esp --espspi RANGE</c>; needs <c>-p esp</c>.</summary>
internal sealed class EspMatchDefinition : SpiMatchDefinition
{
    public override string Name => "esp";

    protected override string SpiOption => "--espspi";

    protected override string? RequiredProtocol => "esp";

    public override IReadOnlyList<OptionSpec> Options { get; } = [Spi("--espspi")];
}

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
        new OptionSpec("--ahlen") { CanNegate = true, Normalize = Numbers.Decimal(0, uint.MaxValue, "--ahlen") },
        OptionSpec.Flag("--ahres"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        base.Complete(options, context);
        options.RemoveAll(o => o.Name == "--ahlen" && !o.IsNegated && o.Value == "0");
    }
}

/// <summary><c>-m ipcomp --ipcompspi RANGE [--compres]</c>; needs <c>-p ipcomp</c>.</summary>
internal sealed class IpcompMatchDefinition : SpiMatchDefinition
{
    public override string Name => "ipcomp";

    protected override string SpiOption => "--ipcompspi";

    protected override string? RequiredProtocol => "ipcomp";

    public override IReadOnlyList<OptionSpec> Options { get; } = [Spi("--ipcompspi"), OptionSpec.Flag("--compres")];
}
