using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

[TestFixture]
public sealed class IcmpMatchTests
{
    [TestCase("echo-request", "8", 8, null, "echo-request")]
    [TestCase("ping", "8", 8, null, "echo-request")]
    [TestCase("host-unreach", "3/1", 3, 1, "host-unreachable")]
    [TestCase("3/3", "3/3", 3, 3, "port-unreachable")]
    [TestCase("any", "any", null, null, "any")]
    [TestCase("255/0:255", "any", null, null, "any")]
    [TestCase("42", "42", 42, null, null)]
    public void Icmp_type_is_saved_as_numbers_and_read_back(string typed, string saved, int? type, int? code, string? name)
    {
        var match = RuleParsing.Parse($"-p icmp -m icmp --icmp-type {typed}").Match<IcmpMatch>().ShouldNotBeNull();
        match.Text.ShouldBe(saved);
        match.Type.ShouldBe(type);
        match.Code.ShouldBe(code);
        match.TypeName.ShouldBe(name);
        match.IsIcmpV6.ShouldBeFalse();
        match.IsNegated.ShouldBeFalse();
    }

    [Test]
    public void Implicit_icmp_match_keeps_its_negation()
    {
        var rule = RuleParsing.Parse("-p icmp ! --icmp-type echo-reply -j DROP");
        rule.Text.ShouldBe("-A INPUT -p icmp -m icmp ! --icmp-type 0 -j DROP");
        var match = rule.Match<IcmpMatch>().ShouldNotBeNull();
        match.IsNegated.ShouldBeTrue();
        match.TypeName.ShouldBe("echo-reply");
    }

    [Test]
    public void Icmp6_type_names_are_read_for_IPv6()
    {
        var match = RuleParsing.Parse("-p ipv6-icmp -m icmp6 --icmpv6-type neighbor-solicitation", IpFamily.IPv6).Match<IcmpMatch>().ShouldNotBeNull();
        match.ToString().ShouldBe("-m icmp6 --icmpv6-type 135");
        match.IsIcmpV6.ShouldBeTrue();
        match.Type.ShouldBe(135);
        match.TypeName.ShouldBe("neighbour-solicitation");
    }

    [Test]
    public void Icmp6_type_255_is_a_type_not_any()
    {
        var match = RuleParsing.Parse("-p ipv6-icmp --icmpv6-type 255", IpFamily.IPv6).Match<IcmpMatch>().ShouldNotBeNull();
        match.Text.ShouldBe("255");
        match.Type.ShouldBe(255);
        match.TypeName.ShouldBeNull();
    }

    [TestCase("-p icmp -m icmp", "needs --icmp-type")]
    [TestCase("-m icmp --icmp-type 8", "-p icmp")]
    [TestCase("-p icmp -m icmp --icmp-type echo", "ambiguous")]
    [TestCase("-p icmp -m icmp --icmp-type 3:4", "not supported")]
    [TestCase("-p icmp -m icmp --icmp-type 256", "unknown ICMP type")]
    public void Icmp_rejects_what_iptables_rejects(string typed, string messagePart) =>
        RuleParsing.Errors(typed).ShouldContain(m => m.Contains(messagePart));
}
