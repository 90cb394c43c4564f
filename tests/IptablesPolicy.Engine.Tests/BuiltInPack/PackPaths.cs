using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>The built-in pack's folders and fixtures.</summary>
internal static class PackPaths
{
    public static string Root => RepositoryPaths.Root;

    /// <summary>The built-in pack: <c>policies/</c>, one folder per policy.</summary>
    public static string Policies => Path.Combine(Root, "policies");

    /// <summary>The policy folders (<c>policies/IPT1102</c>...), helper folders (<c>_shared</c>) left out, sorted.</summary>
    public static IReadOnlyList<string> PolicyFolders() =>
        Directory.Exists(Policies)
            ? Directory.GetDirectories(Policies).Where(d => !Path.GetFileName(d).StartsWith('_')).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Every fixture of every policy, as paths relative to <see cref="Policies"/>, sorted.</summary>
    public static IReadOnlyList<string> Fixtures() =>
        PolicyFolders()
            .Select(d => Path.Combine(d, "fixtures"))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(f => Path.GetRelativePath(Policies, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
