using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Testing;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>The built-in pack as the tool ships it (embedded in the engine), loaded once for every test here.</summary>
internal static class Pack
{
    private static readonly Lazy<(PolicyEngine Engine, PolicySet Set)> Loaded = new(() =>
    {
        // A cache folder kept between runs: the key holds the script text and tool version, so it never goes stale.
        var engine = new PolicyEngine(new EngineOptions
        {
            CacheDirectory = CacheDirectory,
        });
        return (engine, engine.Load(BuiltInPolicies.All()));
    });

    public static PolicySet Set => Loaded.Value.Set;

    /// <summary>The pack in the fixture verifier of <c>IptablesPolicy.Testing</c>, with the same compile cache.</summary>
    public static PolicyTester Tester => LoadedTester.Value;

    private static readonly Lazy<PolicyTester> LoadedTester = new(() =>
        PolicyTester.Create(BuiltInPolicies.All(), new EngineOptions { CacheDirectory = CacheDirectory }));

    private static string CacheDirectory => Path.Combine(Path.GetTempPath(), "iptables-policy-tests", "builtin-pack-cache");

    /// <summary>Runs the whole pack over the snapshots; a policy fault fails the calling test.</summary>
    public static CheckResult Check(IReadOnlyList<Snapshot> snapshots)
    {
        Set.Faults.ShouldBeEmpty();
        var result = Loaded.Value.Engine.Check(Set, snapshots);
        result.Faults.ShouldBeEmpty();
        return result;
    }
}
