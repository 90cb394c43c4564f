using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Tests.Extensions;

/// <summary>Parses one rule typed as iptables arguments and hands back its typed match, or its errors.</summary>
internal static class MatchRules
{
    public static Rule Parse(string arguments, IpFamily family = IpFamily.IPv4, string chain = "INPUT", string table = "filter")
    {
        var snapshot = SingleRuleParser.Parse(chain, arguments, family, table, QuotingStyle.Shell);
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).ShouldBeEmpty();
        return snapshot.Rules.ShouldHaveSingleItem();
    }

    public static T Single<T>(string arguments, IpFamily family = IpFamily.IPv4, string chain = "INPUT", string table = "filter")
        where T : Match =>
        Parse(arguments, family, chain, table).Matches.OfType<T>().ShouldHaveSingleItem();

    /// <summary>The save text of the rule after <c>-A CHAIN</c>.</summary>
    public static string SaveText(string arguments, IpFamily family = IpFamily.IPv4, string chain = "INPUT", string table = "filter") =>
        Parse(arguments, family, chain, table).Text[$"-A {chain} ".Length..];

    /// <summary>The error messages the rule gets.</summary>
    public static IReadOnlyList<string> Errors(string arguments, IpFamily family = IpFamily.IPv4, string chain = "INPUT", string table = "filter") =>
        SingleRuleParser.Parse(chain, arguments, family, table, QuotingStyle.Shell).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).ToList();

    /// <summary>The typed match of a rule read from iptables-save text.</summary>
    public static T FromSave<T>(string rule, string table = "filter")
        where T : Match
    {
        var chain = rule.Split(' ')[1];
        var snapshot = SnapshotReader.Parse($"*{table}\n:{chain} - [0:0]\n{rule}\nCOMMIT\n", "rules.v4");
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        return snapshot.Rules.ShouldHaveSingleItem().Matches.OfType<T>().ShouldHaveSingleItem();
    }
}
