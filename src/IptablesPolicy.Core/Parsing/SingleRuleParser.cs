using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing;

/// <summary>Parses one rule given as iptables arguments, in a snapshot of its own; the conformance tests' way in.</summary>
internal static class SingleRuleParser
{
    /// <summary>Parses <c>-A <paramref name="chain"/> <paramref name="arguments"/></c> in <paramref name="table"/>.</summary>
    public static Snapshot Parse(string chain, string arguments, IpFamily family, string table, QuotingStyle style)
    {
        var builder = new SnapshotBuilder("<rule>", SnapshotFormat.Commands, family, 1);
        var line = new SourceLine(1, $"-A {chain} {arguments}");
        var tableModel = builder.BeginTable(table, line);
        foreach (var builtIn in BuiltInChains.Of(table))
            builder.DeclareChain(tableModel, builtIn, line, 1, "ACCEPT");
        if (builder.Tokenize(line, 0, style) is { } tokens)
            builder.AddRule(tableModel, chain, line, tokens, 2, position: null, counters: null, 1);
        return builder.Snapshot;
    }
}
