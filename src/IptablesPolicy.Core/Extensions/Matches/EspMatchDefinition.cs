namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary><c>-m esp --espspi RANGE</c>; needs <c>-p esp</c>.</summary>
internal sealed class EspMatchDefinition : SpiMatchDefinition
{
    public override string Name => "esp";

    protected override string SpiOption => "--espspi";

    protected override string? RequiredProtocol => "esp";

    public override IReadOnlyList<OptionSpec> Options { get; } = [Spi("--espspi")];
}
