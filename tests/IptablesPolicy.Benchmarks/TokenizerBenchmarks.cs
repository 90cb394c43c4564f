using BenchmarkDotNet.Attributes;
using IptablesPolicy.Core.Parsing;
using IptablesPolicy.TestData.KubeProxy;
using Sprache;

namespace IptablesPolicy.Benchmarks;

/// <summary>
/// Why the rule-line tokenizer is hand-written and Sprache serves only the small grammars: both split
/// every rule line of a 10k-service snapshot (about 110k lines) into arguments, quoted comments included.
/// The Sprache grammar here is the alternative measured, not used by the product.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private static readonly Parser<string> Quoted =
        from open in Parse.Char('"')
        from content in Parse.Char('\\').Then(_ => Parse.AnyChar).Or(Parse.CharExcept('"')).Many().Text()
        from close in Parse.Char('"')
        select content;

    private static readonly Parser<string> Bare = Parse.CharExcept(" \t\"").AtLeastOnce().Text();

    private static readonly Parser<IEnumerable<string>> Arguments = Quoted.Or(Bare).Token().Many().End();

    private string[] lines = [];

    [GlobalSetup]
    public void GenerateLines()
    {
        var text = KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 10_000 });
        lines = text.Split('\n').Where(l => l.StartsWith("-A ", StringComparison.Ordinal)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var tokens = new List<Token>(64);
        var pool = new StringPool();
        var count = 0;
        foreach (var line in lines)
        {
            tokens.Clear();
            ArgumentTokenizer.TryTokenize(line, 0, QuotingStyle.Restore, tokens, out _, out _, pool);
            count += tokens.Count;
        }
        return count;
    }

    [Benchmark]
    public int Sprache()
    {
        var count = 0;
        foreach (var line in lines)
            count += Arguments.Parse(line).Count();
        return count;
    }
}
