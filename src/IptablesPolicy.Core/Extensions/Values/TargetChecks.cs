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
}
