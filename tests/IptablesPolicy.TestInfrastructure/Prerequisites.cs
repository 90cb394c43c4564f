namespace IptablesPolicy.TestInfrastructure;

/// <summary>
/// Skips a test whose prerequisite is missing, with the reason; under <c>CI=true</c> a missing
/// prerequisite fails the test instead, so CI can never pass by skipping.
/// </summary>
public static class Prerequisites
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool available, string reason)
    {
        if (available)
            return;
        if (IsCi)
            Assert.Fail($"prerequisite missing under CI=true: {reason}");
        Assert.Ignore(reason);
    }

    public static void RequireCorpus() =>
        Require(Directory.Exists(RepositoryPaths.Corpus), $"netfilter corpus not found at {RepositoryPaths.Corpus} (set IPTABLES_POLICY_CORPUS)");
}
