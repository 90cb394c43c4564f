using IptablesPolicy.Core.Model;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>
/// The real iptables is the oracle: a ruleset is loaded into a throw-away network namespace with
/// iptables-restore (nft and legacy backends), each listing variant is captured with the real tool, and
/// every rule the listing parse gives must agree with the iptables-save parse of the same namespace on
/// every field the listing shows.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ListingOracleTests
{
    // kube-proxy's shape from the generator, with counters so that -x has something to show.
    private static readonly Lazy<string> GeneratedKubeProxy = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"ipp-listing-kube-proxy-150-{Environment.ProcessId}.v4");
        TestData.KubeProxy.KubeProxyRuleset.Create(new TestData.KubeProxy.KubeProxyRulesetOptions
        {
            Services = 150, Counters = true, UdpPercent = 20, NodePortPercent = 20, WithoutEndpointsPercent = 10,
        }).WriteToFile(path);
        return path;
    });

    private static readonly string[] Variants = ["-L", "-L -n", "-vL", "-vnL", "-vnxL --line-numbers", "-L --line-numbers"];

    public static IEnumerable<TestCaseData> Cases()
    {
        var rulesets = new List<(string Name, string Path, bool IPv6)>
        {
            ("aks-node.v4", Path.Combine(RepositoryPaths.Examples, "rulesets", "aks-node.v4"), false),
            ("examples/many-modules.v4", Path.Combine(RepositoryPaths.Examples, "rulesets", "many-modules.v4"), false),
            ("examples/many-modules.v6", Path.Combine(RepositoryPaths.Examples, "rulesets", "many-modules.v6"), true),
            ("listing-modules.v4", Path.Combine(RepositoryPaths.Root, "tests", "IptablesPolicy.Core.Tests", "Listing", "Rulesets", "listing-modules.v4"), false),
            ("more-modules.v4", Path.Combine(RepositoryPaths.Root, "tests", "IptablesPolicy.Core.Tests", "Listing", "Rulesets", "more-modules.v4"), false),
            ("listing-modules.v6", Path.Combine(RepositoryPaths.Root, "tests", "IptablesPolicy.Core.Tests", "Listing", "Rulesets", "listing-modules.v6"), true),
            ("kube-proxy-150.v4", GeneratedKubeProxy.Value, false),
        };
        var dumps = Path.Combine(RepositoryPaths.Corpus, "iptables", "tests", "shell", "testcases");
        foreach (var dump in new[] { "ipt-save/dumps/ipt-save-filter.txt", "ipt-save/dumps/wireless.txt", "ipt-save/dumps/fedora27-iptables", "ipt-save/dumps/fedora27-ip6tables", "ipt-restore/dumps/iptables.dump", "ipt-restore/dumps/ip6tables.dump" })
            rulesets.Add(("corpus:" + Path.GetFileName(dump), Path.Combine(dumps, dump), dump.Contains("ip6")));
        foreach (var backend in new[] { "nft", "legacy" })
        {
            foreach (var (name, path, ipv6) in rulesets)
                yield return new TestCaseData(backend, path, ipv6).SetName($"Listing_agrees_with_save({backend},{name})");
        }
    }

    [OneTimeTearDown]
    public void DeleteGeneratedRuleset()
    {
        if (GeneratedKubeProxy.IsValueCreated)
            File.Delete(GeneratedKubeProxy.Value);
    }

    [TestCaseSource(nameof(Cases))]
    public void Listing_agrees_with_save(string backend, string rulesetPath, bool ipv6)
    {
        var command = ipv6 ? "ip6tables" : "iptables";
        NetfilterTools.RequireBackend(command, backend);
        Prerequisites.Require(File.Exists(rulesetPath), $"ruleset not found: {rulesetPath}");
        var binary = $"{command}-{backend}";
        using var ns = NetworkNamespace.Create();
        var restore = ns.Run(binary + "-restore", ["-c"], File.ReadAllText(rulesetPath));
        Prerequisites.Require(restore.Succeeded, $"{binary}-restore could not load {rulesetPath} here: {restore}");
        var save = ns.Run(binary + "-save", ["-c"]);
        save.ExitCode.ShouldBe(0, save.StandardError);
        var saved = SnapshotReader.Parse(save.StandardOutput, "save", SnapshotFormat.Save);
        saved.HasErrors.ShouldBeFalse(string.Join("\n", saved.Diagnostics));

        var problems = new List<string>();
        var compared = 0;
        foreach (var table in saved.Tables)
        {
            foreach (var variant in Variants)
            {
                var arguments = new[] { "-t", table.Name }.Concat(variant.Split(' ')).ToArray();
                var listing = ns.Run(binary, arguments);
                listing.ExitCode.ShouldBe(0, listing.StandardError);
                // As pasted from a terminal: the prompt and command say the table and family.
                var text = $"root@node:~# {(ipv6 ? "ip6tables" : "iptables")} {string.Join(' ', arguments)}\n{listing.StandardOutput}";
                var parsed = SnapshotReader.ReadText(text, $"{binary} {string.Join(' ', arguments)}").ShouldHaveSingleItem();
                foreach (var diagnostic in parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                    problems.Add($"{variant} {table.Name}: {diagnostic}");
                compared += ListingAgreement.Compare(table, parsed, variant, listing.StandardOutput, problems);
            }
        }
        problems.ShouldBeEmpty();
        compared.ShouldBe(saved.Rules.Count() * Variants.Length);
    }
}
