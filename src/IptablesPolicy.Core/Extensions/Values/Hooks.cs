namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// The netfilter hook a rule's chain stands for, for extensions the kernel allows on some hooks only
/// (owner on output, addrtype's interface limits). A user-defined chain can be reached from any hook,
/// so only the built-in chains decide.
/// </summary>
internal static class Hooks
{
    /// <summary>True when the rule is in a built-in chain that is one of <paramref name="chains"/>' complement: a hook the extension refuses.</summary>
    public static bool IsBuiltInOtherThan(ExtensionContext context, params string[] chains)
    {
        var builtIn = context.Table is { } table
            ? Model.BuiltInChains.IsBuiltIn(table, context.Chain)
            : context.Chain is "PREROUTING" or "INPUT" or "FORWARD" or "OUTPUT" or "POSTROUTING";
        return builtIn && !chains.Contains(context.Chain);
    }
}
