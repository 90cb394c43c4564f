using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary><c>-m connmark --mark VALUE[/MASK]</c>: the mark of the packet's connection (ctmark).</summary>
internal sealed class ConnmarkMatchDefinition : MarkMatchDefinitionBase
{
    public override string Name => "connmark";

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new ConnmarkMatch(options);
}
