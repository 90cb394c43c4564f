namespace IptablesPolicy.TestInfrastructure;

/// <summary>Finds the repository root and the shared reference data beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>netfilter's conformance data: <c>../shared/corpus/netfilter</c>, or <c>IPTABLES_POLICY_CORPUS</c>.</summary>
    public static string Corpus => Environment.GetEnvironmentVariable("IPTABLES_POLICY_CORPUS")
        ?? Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "netfilter"));

    /// <summary>The user's real output: <c>../shared/seeds</c>.</summary>
    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>The SARIF and JUnit schemas outputs are validated against: <c>../shared/schemas</c>.</summary>
    public static string Schemas => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IptablesPolicy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("IptablesPolicy.sln not found above " + AppContext.BaseDirectory);
    }
}
