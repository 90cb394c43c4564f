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
