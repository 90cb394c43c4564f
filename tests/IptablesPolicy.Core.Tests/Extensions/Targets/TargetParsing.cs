using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Tests.Extensions.Targets;

/// <summary>Parses one rule as iptables arguments and hands back its target, or its errors.</summary>
internal static class TargetParsing
{
    public static Rule Rule(string arguments, string table = "nat", string chain = "PREROUTING", IpFamily family = IpFamily.IPv4)
    {
        var snapshot = SingleRuleParser.Parse(chain, arguments, family, table, QuotingStyle.Shell);
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        return snapshot.Rules.ShouldHaveSingleItem();
    }

    public static T Target<T>(string arguments, string table = "nat", string chain = "PREROUTING", IpFamily family = IpFamily.IPv4)
        where T : Target => Rule(arguments, table, chain, family).Target.ShouldBeOfType<T>();

    /// <summary>The save text of the rule's target: <c>-j DNAT --to-destination ...</c>.</summary>
    public static string Saved(string arguments, string table = "nat", string chain = "PREROUTING", IpFamily family = IpFamily.IPv4) =>
        Rule(arguments, table, chain, family).Target.ToString();

    public static IReadOnlyList<string> Errors(string arguments, string table = "nat", string chain = "PREROUTING", IpFamily family = IpFamily.IPv4) =>
        SingleRuleParser.Parse(chain, arguments, family, table, QuotingStyle.Shell).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Message).ToList();
}
