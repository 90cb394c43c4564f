using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>Tells the rules that match every packet from the ones that may not.</summary>
internal static class RuleConditions
{
    /// <summary>
    /// True only when the rule certainly matches every packet: no protocol, address, interface or fragment
    /// restriction, no field the input could not show, and no match but ones that never restrict
    /// (<c>comment</c>). Anything else, including an unknown match, counts as a condition.
    /// </summary>
    public static bool IsUnconditional(Rule rule)
    {
        if (rule.Fragment != FragmentFilter.Any)
            return false;
        if (rule.Protocol is { } protocol && (protocol.IsNegated || protocol.Value != "all"))
            return false;
        if (!IsAnyAddress(rule.Source) || !IsAnyAddress(rule.Destination))
            return false;
        if (!IsAnyInterface(rule.InInterface) || !IsAnyInterface(rule.OutInterface))
            return false;
        var matches = rule.Matches;
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is not CommentMatch)
                return false;
        }
        return rule.Unknown.Count == 0 || rule.Unknown.All(field => field == "counters");
    }

    private static bool IsAnyAddress(Negatable<AddressSpec>? address) =>
        address is not { } value || (!value.IsNegated && value.Value.IsAny);

    private static bool IsAnyInterface(Negatable<string>? name) =>
        name is not { } value || (!value.IsNegated && value.Value == "+");
}
