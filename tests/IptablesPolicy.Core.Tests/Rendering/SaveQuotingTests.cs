using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Tests.Rendering;

/// <summary>
/// Values are quoted as iptables-save quotes them: <c>xtables_save_string</c> escapes <c>"</c>, <c>\</c> and
/// <c>'</c>; extensions that print their own quotes (string, LED) escape only <c>"</c> and <c>\</c>.
/// </summary>
[TestFixture]
public sealed class SaveQuotingTests
{
    [TestCase("-m comment --comment \"it's\"", "-m comment --comment \"it\\'s\"")]
    [TestCase("-m comment --comment \"a \\\"b\\\"\"", "-m comment --comment \"a \\\"b\\\"\"")]
    [TestCase("-m string --string \"it's\" --algo bm", "-m string --string \"it's\" --algo bm")]
    [TestCase("-m string --string \"a\\\\b\" --algo bm", "-m string --string \"a\\\\b\" --algo bm")]
    public void Quotes_values_as_iptables_save_does(string restoreArguments, string expected)
    {
        var snapshot = SingleRuleParser.Parse("INPUT", restoreArguments, IpFamily.IPv4, "filter", QuotingStyle.Restore);

        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Rules.Single().Text.ShouldBe("-A INPUT " + expected);
    }
}
