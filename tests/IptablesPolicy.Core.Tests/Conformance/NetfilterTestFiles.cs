using IptablesPolicy.Core.Model;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Conformance;

/// <summary>
/// Reads netfilter's <c>extensions/*.t</c> rule-syntax tests as the corpus' SOURCE.md describes them
/// (iptables-test.py): <c>:CHAINS</c>, <c>*table</c>, and <c>RULE;EXPECTED;RESULT[;VARIANT[;ALT]]</c> lines.
/// </summary>
public static class NetfilterTestFiles
{
    /// <summary>Every iptables/ip6tables rule line with its result for the nft backend; empty when the corpus is missing.</summary>
    public static IReadOnlyList<CorpusRuleLine> Lines { get; } = Load();

    private static List<CorpusRuleLine> Load()
    {
        var directory = Path.Combine(RepositoryPaths.Corpus, "extensions");
        var lines = new List<CorpusRuleLine>();
        if (!Directory.Exists(directory))
            return lines;
        foreach (var path in Directory.GetFiles(directory, "*.t").OrderBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var families = FamiliesOf(name);
            if (families.Length == 0)
                continue;
            var chains = Array.Empty<string>();
            var table = "filter";
            var number = 0;
            foreach (var raw in File.ReadLines(path))
            {
                number++;
                var line = raw.TrimEnd('\n');
                if (line.Trim().Length == 0 || line.StartsWith('#') || line.StartsWith('@') || line.StartsWith('%'))
                    continue;
                if (line.StartsWith(':'))
                {
                    chains = line[1..].Split(',');
                    continue;
                }
                if (line.StartsWith('*'))
                {
                    table = line[1..].Trim();
                    continue;
                }
                var fields = line.Split(';');
                if (fields.Length < 3 || chains.Length == 0)
                    continue;
                var result = ResultForNft(fields);
                if (result is not ("OK" or "FAIL"))
                    continue;
                var expected = fields[1] == "=" ? fields[0] : fields[1];
                foreach (var family in families)
                    lines.Add(new CorpusRuleLine(name, number, family, table, chains[0], fields[0], expected, result));
            }
        }
        return lines;
    }

    /// <summary>The result that applies to the nft backend (iptables-test.py <c>variant_res</c>).</summary>
    private static string ResultForNft(string[] fields)
    {
        var result = fields[2].Trim();
        if (fields.Length < 4 || fields[3].Trim() is not { Length: > 0 } variant || variant == "NFT")
            return result;
        if (fields.Length >= 5 && fields[4].Trim().Length > 0)
            return fields[4].Trim();
        return result switch
        {
            "OK" => "FAIL",
            "FAIL" => "OK",
            _ => "OK",
        };
    }

    private static IpFamily[] FamiliesOf(string file) => file switch
    {
        _ when file.StartsWith("libxt_", StringComparison.Ordinal) => [IpFamily.IPv4, IpFamily.IPv6],
        _ when file.StartsWith("libipt_", StringComparison.Ordinal) => [IpFamily.IPv4],
        _ when file.StartsWith("libip6t_", StringComparison.Ordinal) => [IpFamily.IPv6],
        "iptables.t" => [IpFamily.IPv4],
        _ => [],
    };
}
