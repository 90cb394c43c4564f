using IptablesPolicy.TestInfrastructure;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Core.Tests.Oracle;

/// <summary>A ruleset the round-trip oracle loads into the kernel: a file, or a generated kube-proxy ruleset.</summary>
public sealed class OracleRuleset
{
    private readonly Func<string> text;

    private OracleRuleset(string name, Func<string> text)
    {
        Name = name;
        this.text = text;
    }

    public string Name { get; }

    public string Text() => text();

    public override string ToString() => Name;

    /// <summary>
    /// netfilter's iptables-save dumps (shell testcases), the bundled examples, rules written by hand the
    /// way people write them (implicit matches, names for numbers, aliases: <c>Oracle/Inputs</c>; what the
    /// kernel prints back is the canonical form our parser must produce), and generated kube-proxy rulesets
    /// with and without counters.
    /// </summary>
    public static IEnumerable<OracleRuleset> All()
    {
        var dumps = Path.Combine(RepositoryPaths.Corpus, "iptables", "tests", "shell", "testcases");
        if (Directory.Exists(dumps))
        {
            foreach (var path in Directory.GetDirectories(dumps).SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories))
                         .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "dumps" && !p.EndsWith(".xml", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                yield return FromFile("corpus/" + Path.GetRelativePath(dumps, path).Replace("/dumps/", "/", StringComparison.Ordinal), path);
        }
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "rulesets")).Order(StringComparer.Ordinal))
            yield return FromFile("examples/" + Path.GetFileName(path), path);
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "IptablesPolicy.Core.Tests", "Oracle", "Inputs")).Order(StringComparer.Ordinal))
            yield return FromFile("hand-written/" + Path.GetFileName(path), path);
        yield return Generated("generated/kube-proxy-300", new KubeProxyRulesetOptions { Services = 300, NodePortPercent = 30, WithoutEndpointsPercent = 10 });
        yield return Generated("generated/kube-proxy-300-counters", new KubeProxyRulesetOptions { Services = 300, Counters = true, Seed = 7 });
        yield return Generated("generated/kube-proxy-2000-udp-5-endpoints", new KubeProxyRulesetOptions { Services = 2000, EndpointsPerService = 5, UdpPercent = 30, Seed = 3 });
    }

    private static OracleRuleset FromFile(string name, string path) => new(name, () => File.ReadAllText(path));

    private static OracleRuleset Generated(string name, KubeProxyRulesetOptions options) => new(name, () => KubeProxyRuleset.Generate(options));
}
