using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>A rule no packet can reach, because an earlier rule of its chain sends every packet elsewhere.</summary>
public sealed class UnreachableRule
{
    internal UnreachableRule(Rule rule, Rule cutOffBy)
    {
        Rule = rule;
        CutOffBy = cutOffBy;
    }

    /// <summary>The rule that can never be reached.</summary>
    public Rule Rule { get; }

    /// <summary>
    /// The earlier, unconditional rule of the same chain that every packet stops at: a verdict
    /// (<c>-j DROP</c>), a terminating target (<c>-j REJECT</c>, <c>-j DNAT</c>), <c>-j RETURN</c>, a
    /// <c>-g</c>, or a <c>-j</c> to a chain that always ends in a verdict.
    /// </summary>
    public Rule CutOffBy { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Rule.Span}: cut off by {CutOffBy.Span}";
}
