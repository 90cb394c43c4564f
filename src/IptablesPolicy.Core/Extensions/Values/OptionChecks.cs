using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// The checks libxtables makes on a whole extension after its options are read (<c>XTOPT_MAND</c>,
/// <c>.excl</c>, <c>.also</c>, an extension's <c>x6_fcheck</c>), for <see cref="ExtensionDefinition"/> <c>Complete</c> methods.
/// </summary>
internal static class OptionChecks
{
    /// <summary>True when an option of that canonical name is present.</summary>
    public static bool Has(this List<ExtensionOption> options, string name) => options.Find(name) is not null;

    /// <summary>The option of that canonical name, or null.</summary>
    public static ExtensionOption? Find(this List<ExtensionOption> options, string name)
    {
        // A loop, not List.Find with a lambda: this runs for every option of every rule.
        foreach (var option in options)
        {
            if (option.Name == name)
                return option;
        }
        return null;
    }

    /// <summary>Fails unless at least one of <paramref name="names"/> is present.</summary>
    public static bool RequireAny(this List<ExtensionOption> options, ExtensionContext context, string extension, params string[] names)
    {
        foreach (var name in names)
        {
            if (options.Find(name) is not null)
                return true;
        }
        context.Fail(names.Length == 1
            ? $"match {extension} needs {names[0]}"
            : $"match {extension} needs one of {string.Join(", ", names)}");
        return false;
    }

    /// <summary>Fails when more than one of <paramref name="names"/> is present.</summary>
    public static bool AtMostOne(this List<ExtensionOption> options, ExtensionContext context, string extension, params string[] names)
    {
        var present = options.Where(o => names.Contains(o.Name)).Select(o => o.Name).Distinct().ToList();
        if (present.Count <= 1)
            return true;
        context.Fail($"match {extension}: {string.Join(" and ", present)} cannot be combined: expected only one of {string.Join(", ", names)}");
        return false;
    }

    /// <summary>Fails when <paramref name="name"/> is present without <paramref name="needed"/>.</summary>
    public static bool Requires(this List<ExtensionOption> options, ExtensionContext context, string extension, string name, string needed)
    {
        if (!options.Has(name) || options.Has(needed))
            return true;
        context.Fail($"match {extension}: {name} needs {needed}");
        return false;
    }

    /// <summary>Replaces the option at its place with the same option under new values or name.</summary>
    public static void Replace(this List<ExtensionOption> options, ExtensionOption old, ExtensionOption replacement)
    {
        var at = options.IndexOf(old);
        if (at >= 0)
            options[at] = replacement;
    }
}
