using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Tests.Extensions;

/// <summary>Parses one rule typed as iptables arguments, for the extension tests.</summary>
internal static class RuleParsing
{
    /// <summary>The rule parsed from <paramref name="arguments"/>; fails the test when the parser reports a problem.</summary>
    public static Rule Parse(string arguments, IpFamily family = IpFamily.IPv4, string chain = "INPUT", string table = "filter")
    {
        var snapshot = SingleRuleParser.Parse(chain, arguments, family, table, QuotingStyle.Shell);
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        return snapshot.Rules.ShouldHaveSingleItem();
    }

    /// <summary>The rule's save text after <c>-A CHAIN </c>.</summary>
    public static string Render(string arguments, IpFamily family = IpFamily.IPv4, string chain = "INPUT", string table = "filter") =>
        Parse(arguments, family, chain, table).Text[$"-A {chain} ".Length..];

    /// <summary>The error messages the parser reports for the rule.</summary>
    public static IReadOnlyList<string> Errors(string arguments, IpFamily family = IpFamily.IPv4, string chain = "INPUT", string table = "filter") =>
        SingleRuleParser.Parse(chain, arguments, family, table, QuotingStyle.Shell).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Message)
            .ToList();
}
