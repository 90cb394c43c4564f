using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Core.Tests.Parsing;

/// <summary>
/// Large snapshots are read by several workers at once; what they give must not depend on it: the same
/// rules in the same order at the same lines, and the problems at their own lines.
/// </summary>
[TestFixture]
public sealed class ParallelReadTests
{
    private static readonly string Generated = KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 3000 });

    [Test]
    public void A_large_ruleset_renders_back_rule_for_rule_in_line_order()
    {
        var snapshot = SnapshotReader.Parse(Generated);

        snapshot.Diagnostics.ShouldBeEmpty();
        var ruleLines = Lines(Generated).Where(l => l.Text.StartsWith("-A ", StringComparison.Ordinal)).ToList();
        ruleLines.Count.ShouldBeGreaterThan(20_000, "the ruleset must be large enough for several workers");
        var byLine = snapshot.Rules.OrderBy(r => r.Span.Line).ToList();
        byLine.Select(r => (r.Span.Line, r.Text)).ShouldBe(ruleLines.Select(l => (l.Number, l.Text)));
    }

    [Test]
    public void Rules_keep_their_positions_within_each_chain()
    {
        var snapshot = SnapshotReader.Parse(Generated);

        foreach (var chain in snapshot.Tables.SelectMany(t => t.Chains))
        {
            chain.Rules.Select(r => r.Position).ShouldBe(Enumerable.Range(1, chain.Rules.Count));
            chain.Rules.Select(r => r.Span.Line).ShouldBeInOrder(SortDirection.Ascending);
        }
    }

    [Test]
    public void Problems_in_a_large_ruleset_are_reported_at_their_own_lines()
    {
        var lines = Generated.Split('\n').ToList();
        var ruleIndexes = lines.Select((text, i) => (text, i)).Where(l => l.text.StartsWith("-A KUBE-SEP-", StringComparison.Ordinal)).Select(l => l.i).ToList();
        var broken = new[] { ruleIndexes[10], ruleIndexes[ruleIndexes.Count / 2], ruleIndexes[^3] };
        foreach (var index in broken)
            lines[index] += " -p";

        var snapshot = SnapshotReader.Parse(string.Join('\n', lines));

        snapshot.Diagnostics.Select(d => d.Span.Line).ShouldBe(broken.Select(i => i + 1));
        snapshot.Rules.Count().ShouldBe(SnapshotReader.Parse(Generated).Rules.Count(), "a rule with a bad option is still kept");
    }

    [Test]
    public void Reading_twice_gives_the_same_rendering()
    {
        Render(SnapshotReader.Parse(Generated)).ShouldBe(Render(SnapshotReader.Parse(Generated)));
    }

    private static string Render(Snapshot snapshot)
    {
        using var writer = new StringWriter();
        SaveFormatWriter.Write(snapshot, writer);
        return writer.ToString();
    }

    private static IEnumerable<(int Number, string Text)> Lines(string text) =>
        text.Split('\n').Select((line, i) => (i + 1, line));
}
