using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>What the rule parser needs to know about where a rule stands.</summary>
/// <param name="Family">The snapshot's family; Unknown lets the first address decide.</param>
/// <param name="Table">The table the rule is added to, when known.</param>
/// <param name="Chain">The chain the rule is added to.</param>
/// <param name="IsChain">Tells whether a name is a chain of that table (for <c>-j NAME</c> without options).</param>
internal sealed record RuleContext(IpFamily Family, string? Table, string Chain, Func<string, bool> IsChain);
