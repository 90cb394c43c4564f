using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>What the rule parser needs to know about where a rule stands.</summary>
/// <param name="Family">The snapshot's family; Unknown lets the first address decide.</param>
/// <param name="Table">The table the rule is added to.</param>
/// <param name="Chain">The chain the rule is added to.</param>
internal sealed record RuleContext(IpFamily Family, Table Table, string Chain)
{
    /// <summary>True when the name is a chain of the rule's table (for <c>-j NAME</c> without options).</summary>
    public bool IsChain(string name) => Table.FindChain(name) is not null;
}
