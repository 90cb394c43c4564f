using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m length --length MIN[:MAX]</c> (libxt_length.c): the layer-3 packet length; open ends mean 0 and
/// 65535, and a range of one value is saved as that value.
/// </summary>
internal sealed class LengthMatchDefinition : ExtensionDefinition
{
    public override string Name => "length";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--length") { CanNegate = true, Normalize = Numbers.Range(0, 65535, "--length") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, "--length");

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new LengthMatch(options);
}
