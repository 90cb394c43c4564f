using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// The shape of <c>-m mark</c> (libxt_mark.c) and <c>-m connmark</c> (libxt_connmark.c):
/// <c>[!] --mark VALUE[/MASK]</c>, required, saved in hexadecimal without a mask of 0xffffffff.
/// </summary>
internal abstract class MarkMatchDefinitionBase : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--mark") { CanNegate = true, Normalize = ValueMask.Normalizer("--mark") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0 && !context.HasErrors)
            context.Fail($"match {Name} needs --mark VALUE[/MASK]");
    }
}

/// <summary><c>-m mark --mark VALUE[/MASK]</c>: the packet's mark (nfmark).</summary>
internal sealed class MarkMatchDefinition : MarkMatchDefinitionBase
{
    public override string Name => "mark";

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new MarkMatch(options);
}
