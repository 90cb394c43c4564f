using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>One edge of the chain graph: a rule that jumps (<c>-j CHAIN</c>) or goes (<c>-g CHAIN</c>) to a chain.</summary>
public sealed class ChainCall
{
    internal ChainCall(Rule rule, Chain? callee)
    {
        Rule = rule;
        Callee = callee;
    }

    /// <summary>The rule whose target is the chain.</summary>
    public Rule Rule { get; }

    /// <summary>The chain the rule belongs to.</summary>
    public Chain Caller => Rule.Chain;

    /// <summary>The name of the chain the rule sends packets to.</summary>
    public string CalleeName => Rule.Target.Name;

    /// <summary>The chain the rule sends packets to, or null when the table has no chain of that name.</summary>
    public Chain? Callee { get; }

    /// <summary>True for <c>-g</c>, which does not come back to the calling chain; false for <c>-j</c>.</summary>
    public bool IsGoto => Rule.Target.Kind == TargetKind.Goto;

    /// <inheritdoc/>
    public override string ToString() => $"{Caller.Name} -{(IsGoto ? 'g' : 'j')}-> {CalleeName} ({Rule.Span})";
}
