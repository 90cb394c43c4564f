using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// The cross-option checks libxtables makes after parsing (<c>XTOPT_MAND</c>, <c>.excl</c>, <c>.also</c>)
/// and the protocol a target's kernel module requires, for a target's <c>Complete</c>.
/// </summary>
internal static class TargetChecks
{
    /// <summary>True when the options hold one named <paramref name="name"/>.</summary>
    public static bool Has(IReadOnlyList<ExtensionOption> options, string name) => Find(options, name) is not null;

    /// <summary>The option named <paramref name="name"/>, or null.</summary>
    public static ExtensionOption? Find(IReadOnlyList<ExtensionOption> options, string name)
    {
        foreach (var option in options)
        {
            if (option.Name == name)
                return option;
        }
        return null;
    }

    /// <summary>Reports each of <paramref name="names"/> that is missing (<c>XTOPT_MAND</c>).</summary>
    public static bool Require(IReadOnlyList<ExtensionOption> options, ExtensionContext context, string target, params string[] names)
    {
        var ok = true;
        foreach (var name in names)
        {
            if (!Has(options, name))
            {
                context.Fail($"target {target} needs {name}");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>Requires exactly one of <paramref name="names"/>: at least one, and no two together.</summary>
    public static bool ExactlyOne(IReadOnlyList<ExtensionOption> options, ExtensionContext context, string target, params string[] names)
    {
        var given = names.Where(n => Has(options, n)).ToList();
        if (given.Count == 0)
        {
            context.Fail($"target {target} needs one of {string.Join(", ", names)}");
            return false;
        }
        return AtMostOne(options, context, target, names);
    }

    /// <summary>Rejects two of <paramref name="names"/> together (<c>.excl</c>).</summary>
    public static bool AtMostOne(IReadOnlyList<ExtensionOption> options, ExtensionContext context, string target, params string[] names)
    {
        var given = names.Where(n => Has(options, n)).ToList();
        if (given.Count <= 1)
            return true;
        context.Fail($"target {target}: {given[0]} and {given[1]} cannot be combined: expected one of {string.Join(", ", names)}");
        return false;
    }

    /// <summary>
    /// Requires the rule's <c>-p</c> to be one of <paramref name="protocols"/> and not negated, as the
    /// target's kernel module does when the rule is loaded.
    /// </summary>
    public static bool RequireProtocol(ExtensionContext context, string target, params string[] protocols)
    {
        if (context.ProtocolIs(protocols))
            return true;
        context.Fail($"target {target} needs -p {string.Join(" or -p ", protocols)} (the kernel refuses it otherwise)");
        return false;
    }

    /// <summary>
    /// Requires the rule's table to be one of <paramref name="tables"/>, as the target's kernel module does
    /// (<c>.table</c>); a rule whose table is not known passes.
    /// </summary>
    public static bool RequireTable(ExtensionContext context, string target, params string[] tables)
    {
        if (context.Table is not { } table || tables.Contains(table))
            return true;
        context.Fail($"target {target} is only valid in the {string.Join(" or ", tables)} table, not {table} (the kernel refuses it)");
        return false;
    }

    /// <summary>
    /// Requires a rule in a built-in chain to be in one of <paramref name="chains"/>, the hooks the target's
    /// kernel module accepts (<c>.hooks</c>); a user-defined chain can be reached from any hook and passes.
    /// </summary>
    public static bool RequireHook(ExtensionContext context, string target, params string[] chains)
    {
        var builtIn = context.Table is { } table
            ? BuiltInChains.IsBuiltIn(table, context.Chain)
            : context.Chain is "PREROUTING" or "INPUT" or "FORWARD" or "OUTPUT" or "POSTROUTING";
        if (!builtIn || chains.Contains(context.Chain))
            return true;
        context.Fail($"target {target} is only valid in {string.Join(", ", chains)} (or a chain they jump to), not {context.Chain} (the kernel refuses it)");
        return false;
    }
}
