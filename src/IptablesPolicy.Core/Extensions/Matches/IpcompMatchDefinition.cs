namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary><c>-m ipcomp --ipcompspi RANGE [--compres]</c>; needs <c>-p ipcomp</c>.</summary>
internal sealed class IpcompMatchDefinition : SpiMatchDefinition
{
    public override string Name => "ipcomp";

    protected override string SpiOption => "--ipcompspi";

    protected override string? RequiredProtocol => "ipcomp";

    public override IReadOnlyList<OptionSpec> Options { get; } = [Spi("--ipcompspi"), OptionSpec.Flag("--compres")];
}
