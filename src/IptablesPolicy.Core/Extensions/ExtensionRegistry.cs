using System.Reflection;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions;

/// <summary>
/// Every extension the project knows, found once by reflection over this assembly so that adding an
/// extension is adding one class.
/// </summary>
internal static class ExtensionRegistry
{
    private static readonly ExtensionDefinition[] Definitions = typeof(ExtensionDefinition).Assembly
        .GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ExtensionDefinition)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (ExtensionDefinition)Activator.CreateInstance(t)!)
        .Select(Prepared)
        .ToArray();

    // Definitions build their option tables lazily; building them here, once, keeps parser threads that
    // read rules in parallel from each building (and comparing) their own copies.
    private static ExtensionDefinition Prepared(ExtensionDefinition definition)
    {
        definition.FindOption(string.Empty);
        return definition;
    }

    // The choice for every (kind, name, family) is made once: the parser asks for each -m and -j of every rule.
    private static readonly Dictionary<(ExtensionKind, string, IpFamily), ExtensionDefinition> Chosen = Choose();

    /// <summary>Every known extension.</summary>
    public static IEnumerable<ExtensionDefinition> All => Definitions;

    /// <summary>The match extension of that name for the family, or null.</summary>
    public static ExtensionDefinition? FindMatch(string name, IpFamily family) => Chosen.GetValueOrDefault((ExtensionKind.Match, name, family));

    /// <summary>The target extension of that name for the family, or null.</summary>
    public static ExtensionDefinition? FindTarget(string name, IpFamily family) => Chosen.GetValueOrDefault((ExtensionKind.Target, name, family));

    /// <summary>
    /// The other-family definitions of the same extension (libipt_ and libip6t_ twins such as REJECT),
    /// for an input whose family is not known yet.
    /// </summary>
    public static IEnumerable<ExtensionDefinition> Twins(ExtensionDefinition definition) =>
        Definitions.Where(d => d != definition && d.Kind == definition.Kind && d.Name == definition.Name && d.Family != IpFamily.Unknown);

    private static Dictionary<(ExtensionKind, string, IpFamily), ExtensionDefinition> Choose()
    {
        var chosen = new Dictionary<(ExtensionKind, string, IpFamily), ExtensionDefinition>();
        foreach (var group in Definitions.GroupBy(d => (d.Kind, d.Name)))
        {
            foreach (var family in new[] { IpFamily.Unknown, IpFamily.IPv4, IpFamily.IPv6 })
            {
                // libipt_/libip6t_ extensions exist for one family only; libxt_ ones serve both. When the input
                // does not say its family, IPv4 is the likelier reading.
                var definition = group.FirstOrDefault(d => d.Family == family && family != IpFamily.Unknown)
                    ?? group.FirstOrDefault(d => d.Family == IpFamily.Unknown)
                    ?? (family == IpFamily.Unknown ? group.OrderBy(d => d.Family).First() : null);
                if (definition is not null)
                    chosen[(group.Key.Kind, group.Key.Name, family)] = definition;
            }
        }
        return chosen;
    }
}
