using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

[TestFixture]
public sealed class ConntrackMatchTests
{
    [TestCase("-m conntrack --ctstate ESTABLISHED,NEW,RELATED", "-m conntrack --ctstate NEW,RELATED,ESTABLISHED")]
    [TestCase("-m conntrack --ctstate est,rel", "-m conntrack --ctstate RELATED,ESTABLISHED")]
    [TestCase("-m conntrack --ctstatus CONFIRMED,EXPECTED", "-m conntrack --ctstatus EXPECTED,CONFIRMED")]
    [TestCase("-m conntrack --ctdir reply --ctstate NEW", "-m conntrack --ctstate NEW --ctdir REPLY")]
    [TestCase("-m conntrack --ctproto udp", "-m conntrack --ctproto 17")]
    [TestCase("-m conntrack --ctorigdst 10.0.0.1/24", "-m conntrack --ctorigdst 10.0.0.1/24")]
    [TestCase("-m conntrack --ctorigdst 10.0.0.0/255.0.255.0", "-m conntrack --ctorigdst 10.0.0.0/255.0.255.0")]
    [TestCase("-m conntrack ! --ctexpire 10:10", "-m conntrack ! --ctexpire 10")]
    public void Conntrack_is_saved_in_canonical_form(string typed, string saved) =>
        RuleParsing.Render(typed).ShouldBe(saved);

    [TestCase("-m conntrack --ctstate NEW,", "--ctstate")]
    [TestCase("-m conntrack --ctstate SNAX", "--ctstate")]
    [TestCase("-m conntrack --ctproto all", "--ctproto")]
    [TestCase("-m conntrack --ctdir BOTH", "--ctdir")]
    [TestCase("-m conntrack ! --ctdir REPLY", "cannot be negated")]
    [TestCase("-m conntrack --ctorigsrc 2001:db8::1", "IPv4")]
    [TestCase("-m conntrack", "at least one option")]
    public void Conntrack_rejects_what_iptables_rejects(string typed, string messagePart) =>
        RuleParsing.Errors(typed).ShouldContain(m => m.Contains(messagePart));

    [Test]
    public void Conntrack_accessors_read_states_status_direction_and_protocol()
    {
        var match = RuleParsing.Parse("-m conntrack ! --ctstate NEW,INVALID --ctproto tcp --ctstatus ASSURED --ctdir ORIGINAL -j ACCEPT").Match<ConntrackMatch>().ShouldNotBeNull();
        match.States.ShouldBe(new Negatable<ConnectionStates>(ConnectionStates.New | ConnectionStates.Invalid, true));
        match.Status.ShouldBe(new Negatable<ConnectionStatus>(ConnectionStatus.Assured, false));
        match.Direction.ShouldBe(ConntrackDirection.Original);
        match.Protocol.ShouldBe(new Negatable<int>(6, false));
        match.OriginalSource.ShouldBeNull();
        match.ExpireSeconds.ShouldBeNull();
    }

    [Test]
    public void Conntrack_accessors_read_tuple_addresses_as_networks_and_ports_as_ranges()
    {
        var match = RuleParsing.Parse("-m conntrack --ctorigdst 10.0.91.63 ! --ctreplsrc 10.244.1.7/16 --ctorigdstport 80 --ctreplsrcport 1024: --ctexpire 5:60").Match<ConntrackMatch>().ShouldNotBeNull();
        match.OriginalDestination!.Value.Value.Network.ShouldBe(IPNetwork.Parse("10.0.91.63/32"));
        match.ReplySource!.Value.IsNegated.ShouldBeTrue();
        match.ReplySource!.Value.Value.Network.ShouldBe(IPNetwork.Parse("10.244.0.0/16"));
        match.OriginalDestinationPorts.ShouldBe(new Negatable<PortRange>(new PortRange(80, 80), false));
        match.ReplySourcePorts.ShouldBe(new Negatable<PortRange>(new PortRange(1024, 65535), false));
        match.ExpireSeconds.ShouldBe(new Negatable<(long, long)>((5, 60), false));
    }

    [Test]
    public void Conntrack_reads_IPv6_tuple_addresses()
    {
        var match = RuleParsing.Parse("-m conntrack --ctorigsrc 2001:db8::/32", IpFamily.IPv6).Match<ConntrackMatch>().ShouldNotBeNull();
        match.OriginalSource!.Value.Value.Network.ShouldBe(IPNetwork.Parse("2001:db8::/32"));
    }

    [Test]
    public void State_match_reads_its_states()
    {
        var match = RuleParsing.Parse("-m state --state RELATED,ESTABLISHED -j ACCEPT").Match<StateMatch>().ShouldNotBeNull();
        match.States.ShouldBe(new Negatable<ConnectionStates>(ConnectionStates.Related | ConnectionStates.Established, false));
        match.ToString().ShouldBe("-m state --state RELATED,ESTABLISHED");
    }

    [Test]
    public void State_match_has_no_NAT_states() =>
        RuleParsing.Errors("-m state --state DNAT").ShouldContain(m => m.Contains("--state"));
}
