using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

[TestFixture]
public sealed class MultiportMatchTests
{
    [Test]
    public void Multiport_reads_ports_and_ranges_of_one_direction()
    {
        var match = RuleParsing.Parse("-p tcp -m multiport --destination-ports 80,https,8000:8080 -j ACCEPT").Match<MultiportMatch>().ShouldNotBeNull();
        match.ToString().ShouldBe("-m multiport --dports 80,443,8000:8080");
        match.DestinationPorts!.Value.Value.ShouldBe([new PortRange(80, 80), new PortRange(443, 443), new PortRange(8000, 8080)]);
        match.DestinationPorts!.Value.IsNegated.ShouldBeFalse();
        match.SourcePorts.ShouldBeNull();
        match.EitherPorts.ShouldBeNull();
        match.IsNegated.ShouldBeFalse();
    }

    [Test]
    public void Multiport_negation_is_saved_before_the_option()
    {
        var rule = RuleParsing.Parse("-p udp -m multiport ! --ports 53,123");
        rule.Text.ShouldBe("-A INPUT -p udp -m multiport ! --ports 53,123");
        var match = rule.Match<MultiportMatch>().ShouldNotBeNull();
        match.IsNegated.ShouldBeTrue();
        match.EitherPorts!.Value.Value.ShouldBe([new PortRange(53, 53), new PortRange(123, 123)]);
    }

    [TestCase("-m multiport --dports 80", "-p tcp")]
    [TestCase("! -p tcp -m multiport --dports 80", "-p tcp")]
    [TestCase("-p icmp -m multiport --dports 80", "-p tcp")]
    [TestCase("-p tcp -m multiport --dports 80 --sports 90", "one of")]
    [TestCase("-p tcp -m multiport --dports 90:80", "FIRST below LAST")]
    [TestCase("-p tcp -m multiport --dports 80:80", "FIRST below LAST")]
    [TestCase("-p tcp -m multiport --dports 1024:", "invalid port")]
    [TestCase("-p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16", "at most 15")]
    [TestCase("-p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15:16", "at most 15")]
    public void Multiport_rejects_what_iptables_rejects(string typed, string messagePart) =>
        RuleParsing.Errors(typed).ShouldContain(m => m.Contains(messagePart));
}
