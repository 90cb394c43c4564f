namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>Finds the repository root, the built-in pack's folders and the shared reference data beside the repository.</summary>
internal static class PackPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built-in pack: <c>policies/</c>, one folder per policy.</summary>
    public static string Policies => Path.Combine(Root, "policies");

    /// <summary>The user's real output: <c>../shared/seeds</c>.</summary>
    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static string Examples => Path.Combine(Root, "examples");

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

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IptablesPolicy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("IptablesPolicy.sln not found above " + AppContext.BaseDirectory);
    }
}
