using System.Globalization;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Reads rule lines on one thread: its own tokens, string pool and rule parser (with its interner), so
/// several workers read one snapshot's rules at once without locks. It only reads the snapshot (which
/// chains exist); <see cref="SnapshotBuilder"/> adds the rules afterwards, in line order.
/// </summary>
internal sealed class RuleLineWorker
{
    private readonly List<Token> tokens = new(64);
    private readonly List<LineProblem> problems = [];
    private readonly StringPool pool = new();
    private readonly RuleArgumentParser ruleParser = new();
    private RuleContext? lastContext;

    /// <summary>Reads <paramref name="item"/>'s line, from its command on, into it.</summary>
    public void Read(ref ParsedRuleLine item, IpFamily family)
    {
        var start = item.Start;
        var counters = item.Counters;
        problems.Clear();
        tokens.Clear();
        if (!ArgumentTokenizer.TryTokenize(item.Line, start, QuotingStyle.Restore, tokens, out var error, out var column, pool))
        {
            item.Problems = [new LineProblem(DiagnosticSeverity.Error, error!, column, Math.Max(column + 1, item.Line.EndColumn))];
            return;
        }
        if (tokens.Count < 2 || tokens[1].IsOption)
        {
            item.Problems = [LineProblem.Error($"{tokens[0].Text} needs a chain name", tokens[0])];
            return;
        }
        var chain = tokens[1];
        var argumentStart = 2;
        if (tokens[0].Text is "-I" or "--insert")
        {
            item.Position = 1;
            if (tokens.Count > 2 && int.TryParse(tokens[2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                item.Position = position;
                argumentStart = 3;
            }
        }
        var context = lastContext is { } last && last.Family == family && last.Table == item.Table && last.Chain == chain.Text
            ? last
            : lastContext = new RuleContext(family, item.Table, chain.Text);
        var (spec, ruleFamily) = ruleParser.Parse(tokens, argumentStart, context, problems, counters);
        item.Chain = chain;
        item.Spec = spec;
        item.Family = ruleFamily;
        item.RuleStartColumn = tokens[0].StartColumn;
        item.HasRule = true;
        if (problems.Count > 0)
            item.Problems = [.. problems];
    }
}
