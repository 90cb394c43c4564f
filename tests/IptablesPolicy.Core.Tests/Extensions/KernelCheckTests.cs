using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Tests.Extensions;

/// <summary>
/// The checks the kernel makes when a rule is loaded (hooks, protocols), which make iptables fail too:
/// a built-in chain decides the hook; a user-defined chain may be reached from any hook, so it is accepted.
/// </summary>
[TestFixture]
public sealed class KernelCheckTests
{
    [TestCase("-m owner --uid-owner 0", "INPUT", "filter")]
    [TestCase("-m socket", "OUTPUT", "mangle")]
    [TestCase("-m rpfilter", "PREROUTING", "nat")]
    [TestCase("-m rpfilter", "INPUT", "mangle")]
    [TestCase("-m mac --mac-source 00:11:22:33:44:55", "POSTROUTING", "mangle")]
    [TestCase("-m ecn --ecn-tcp-ece", "INPUT", "filter")]
    [TestCase("-m tcpmss --mss 1400", "FORWARD", "filter")]
    [TestCase("-m osf --genre Linux", "INPUT", "filter")]
    [TestCase("-m policy --dir out --pol none", "INPUT", "filter")]
    [TestCase("-m policy --dir in --pol none", "OUTPUT", "filter")]
    [TestCase("-m cgroup --cgroup 1 --path /x", "OUTPUT", "filter")]
    public void Rejects_what_the_kernel_refuses_in_a_built_in_chain(string arguments, string chain, string table) =>
        MatchRules.Errors(arguments, chain: chain, table: table).ShouldNotBeEmpty();

    [TestCase("-m owner --uid-owner 0", "filter")]
    [TestCase("-m socket", "mangle")]
    [TestCase("-m mac --mac-source 00:11:22:33:44:55", "filter")]
    [TestCase("-m policy --dir out --pol none", "filter")]
    public void Accepts_the_same_rule_in_a_user_defined_chain(string arguments, string table)
    {
        var snapshot = Core.Parsing.SingleRuleParser.Parse("MY-CHAIN", arguments, IpFamily.IPv4, table, Core.Parsing.QuotingStyle.Shell);
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
    }

    [Test]
    public void Policy_keeps_elements_in_order_and_saves_each_in_print_order() =>
        MatchRules.SaveText("-m policy --dir in --strict --spi 256 --reqid 7 --next --mode tunnel --tunnel-src 10.0.0.1/255.255.255.0 --proto 50")
            .ShouldBe("-m policy --dir in --pol ipsec --strict --reqid 7 --spi 0x100 --next --proto esp --mode tunnel --tunnel-src 10.0.0.1/24");

    [TestCase("-m policy --pol ipsec")]
    [TestCase("-m policy --dir in --reqid 1 --next --reqid 2")]
    [TestCase("-m policy --dir in --strict --tunnel-src 10.0.0.1")]
    [TestCase("-m policy --dir in --proto tcp")]
    public void Policy_rejects_what_iptables_rejects(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();

    [TestCase("-m rateest --rateest R --rateest-bps 1mbit --rateest-gt", "-m rateest --rateest R --rateest-gt --rateest-bps 1000Kbit")]
    [TestCase("-m rateest --rateest1 A ! --rateest-eq --rateest-pps --rateest2 B", "-m rateest --rateest1 A ! --rateest-eq --rateest-pps --rateest2 B")]
    public void Rateest_saves_rates_and_comparison_as_iptables_does(string arguments, string expected) =>
        MatchRules.SaveText(arguments).ShouldBe(expected);

    [TestCase("-m rateest --rateest R --rateest-bps 8bit")]
    [TestCase("-m rateest --rateest-lt --rateest-bps 8bit")]
    [TestCase("-m rateest --rateest R --rateest-lt")]
    public void Rateest_rejects_incomplete_comparisons(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();

    [TestCase("-m time --timestart 09:00 --timestop 17:00 --contiguous")]
    [TestCase("-m time --datestart 1969")]
    [TestCase("-m time --weekdays Funday")]
    [TestCase("-m time --utc --kerneltz")]
    public void Time_rejects_what_iptables_rejects(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();
}
