using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Tests.Views.ChainGraph;

/// <summary>Builds the graph of a small hand-written filter table.</summary>
internal static class Graphs
{
    /// <summary>Parses <c>*filter</c> with the built-in chains, the given user chains declared, and the rules.</summary>
    public static TableGraph Filter(string userChains, params string[] rules)
    {
        var declarations = userChains.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => $":{c} - [0:0]");
        var text = string.Join('\n', ["*filter", ":INPUT ACCEPT [0:0]", ":FORWARD DROP [0:0]", ":OUTPUT ACCEPT [0:0]", .. declarations, .. rules, "COMMIT", ""]);
        var snapshot = SnapshotReader.Parse(text, "hand-written.v4");
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).ShouldBeEmpty();
        return TableGraph.For(snapshot.FindTable("filter")!);
    }

    public static Chain Chain(this TableGraph graph, string name) => graph.Table.FindChain(name) ?? throw new ArgumentException(name);

    /// <summary>The unreachable rules as "CHAIN#position cut off by #position".</summary>
    public static IEnumerable<string> Describe(this IEnumerable<UnreachableRule> rules) =>
        rules.Select(u => $"{u.Rule.Chain.Name}#{u.Rule.Position} by #{u.CutOffBy.Position}");
}
