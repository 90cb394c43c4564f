using System.Reflection;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions;

/// <summary>
/// Every extension the project knows, found once by reflection over this assembly so that adding an
/// extension is adding one class.
/// </summary>
internal static class ExtensionRegistry
{
    private static readonly ILookup<(ExtensionKind, string), ExtensionDefinition> Definitions = typeof(ExtensionDefinition).Assembly
        .GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ExtensionDefinition)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (ExtensionDefinition)Activator.CreateInstance(t)!)
        .ToLookup(d => (d.Kind, d.Name));

    /// <summary>Every known extension.</summary>
    public static IEnumerable<ExtensionDefinition> All => Definitions.SelectMany(g => g);

    /// <summary>The match extension of that name for the family, or null.</summary>
    public static ExtensionDefinition? FindMatch(string name, IpFamily family) => Find(ExtensionKind.Match, name, family);

    /// <summary>The target extension of that name for the family, or null.</summary>
    public static ExtensionDefinition? FindTarget(string name, IpFamily family) => Find(ExtensionKind.Target, name, family);

    /// <summary>
    /// The other-family definitions of the same extension (libipt_ and libip6t_ twins such as REJECT),
    /// for an input whose family is not known yet.
    /// </summary>
    public static IEnumerable<ExtensionDefinition> Twins(ExtensionDefinition definition) =>
        Definitions[(definition.Kind, definition.Name)].Where(d => d != definition && d.Family != IpFamily.Unknown);

    private static ExtensionDefinition? Find(ExtensionKind kind, string name, IpFamily family)
    {
        var candidates = Definitions[(kind, name)];
        // libipt_/libip6t_ extensions exist for one family only; libxt_ ones serve both. When the input does
        // not say its family, IPv4 is the likelier reading.
        return candidates.FirstOrDefault(d => d.Family == family && family != IpFamily.Unknown)
            ?? candidates.FirstOrDefault(d => d.Family == IpFamily.Unknown)
            ?? (family == IpFamily.Unknown ? candidates.OrderBy(d => d.Family).FirstOrDefault() : null);
    }
}
