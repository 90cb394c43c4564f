using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

[TestFixture]
public sealed class AddressMatchAccessorTests
{
    [Test]
    public void Addrtype_reads_types_in_kernel_order_with_negation_and_interface_limit()
    {
        var match = MatchRules.Single<AddrtypeMatch>("-m addrtype ! --src-type local,UNI --dst-type BROADCAST --limit-iface-in");
        match.SourceTypes.ShouldNotBeNull();
        match.SourceTypes.Value.Value.ShouldBe(["UNICAST", "LOCAL"]);
        match.SourceTypes.Value.IsNegated.ShouldBeTrue();
        match.DestinationTypes!.Value.Value.ShouldBe(["BROADCAST"]);
        match.DestinationTypes.Value.IsNegated.ShouldBeFalse();
        match.LimitsToInputInterface.ShouldBeTrue();
        match.LimitsToOutputInterface.ShouldBeFalse();
        match.ToString().ShouldBe("-m addrtype ! --src-type UNICAST,LOCAL --dst-type BROADCAST --limit-iface-in");
    }

    [Test]
    public void Addrtype_kube_proxy_nodeport_rule_reads_from_save_text()
    {
        var match = MatchRules.FromSave<AddrtypeMatch>("-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS", "nat");
        match.SourceTypes.ShouldBeNull();
        match.DestinationTypes!.Value.Value.ShouldBe(["LOCAL"]);
    }

    [TestCase("-m addrtype --limit-iface-in", "INPUT", "needs one of --src-type, --dst-type")]
    [TestCase("-m addrtype --src-type LOCAL --limit-iface-out", "INPUT", "no output interface")]
    [TestCase("-m addrtype --src-type LOCAL --limit-iface-in", "OUTPUT", "no input interface")]
    [TestCase("-m addrtype --src-type NOPE", "INPUT", "unknown address type 'NOPE'")]
    public void Addrtype_rejects_what_iptables_rejects(string arguments, string chain, string expected) =>
        MatchRules.Errors(arguments, chain: chain).ShouldContain(e => e.Contains(expected));

    [Test]
    public void Addrtype_rejects_broadcast_for_IPv6() =>
        MatchRules.Errors("-m addrtype --dst-type BROADCAST", IpFamily.IPv6).ShouldContain(e => e.Contains("BROADCAST for IPv6"));

    [Test]
    public void Iprange_reads_IPv4_ranges_as_address_pairs()
    {
        var match = MatchRules.Single<IprangeMatch>("-m iprange ! --src-range 10.0.0.1-10.0.0.9 --dst-range 192.168.1.7");
        match.SourceRange.ShouldBe(new Negatable<(IPAddress, IPAddress)>((IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.9")), true));
        match.DestinationRange!.Value.Value.First.ShouldBe(IPAddress.Parse("192.168.1.7"));
        match.DestinationRange.Value.Value.Last.ShouldBe(IPAddress.Parse("192.168.1.7"));
        match.ToString().ShouldBe("-m iprange ! --src-range 10.0.0.1-10.0.0.9 --dst-range 192.168.1.7-192.168.1.7");
    }

    [Test]
    public void Iprange_reads_IPv6_ranges()
    {
        var match = MatchRules.Single<IprangeMatch>("-m iprange --dst-range 2001:db8::1-2001:db8::ff", IpFamily.IPv6);
        match.SourceRange.ShouldBeNull();
        match.DestinationRange!.Value.Value.Last.ShouldBe(IPAddress.Parse("2001:db8::ff"));
    }

    [TestCase("-m iprange --src-range 10.0.0.1-2001:db8::1")]
    [TestCase("-m iprange --src-range 10.0.0")]
    [TestCase("-m iprange")]
    public void Iprange_rejects_bad_ranges(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();

    [Test]
    public void Mac_reads_the_source_address_in_canonical_form()
    {
        var match = MatchRules.Single<MacMatch>("-m mac ! --mac-source 0A:1:b2:C3:4:5f");
        match.SourceText.ShouldBe(new Negatable<string>("0a:01:b2:c3:04:5f", true));
        match.Source.Value.ShouldBe(System.Net.NetworkInformation.PhysicalAddress.Parse("0a-01-b2-c3-04-5f"));
    }

    [TestCase("-m mac --mac-source 00:11:22:33:44", "INPUT")]
    [TestCase("-m mac --mac-source 00:11:22:33:44:555", "INPUT")]
    [TestCase("-m mac --mac-source 00:11:22:33:44:55", "OUTPUT")]
    public void Mac_rejects_short_addresses_and_output_hooks(string arguments, string chain) =>
        MatchRules.Errors(arguments, chain: chain).ShouldNotBeEmpty();

    [Test]
    public void Set_reads_name_directions_and_negation()
    {
        var match = MatchRules.Single<SetMatch>("-m set ! --match-set KUBE-LB-IPS dst,srcport,dst --return-nomatch --update-counters");
        match.SetName.ShouldBe("KUBE-LB-IPS");
        match.Directions.ShouldBe(["dst", "src", "dst"]);
        match.IsNegated.ShouldBeTrue();
        match.ReturnsNomatch.ShouldBeTrue();
        // --update-counters is the default; iptables-save prints it only negated.
        match.ToString().ShouldBe("-m set ! --match-set KUBE-LB-IPS dst,src,dst --return-nomatch");
    }

    [TestCase("-m set --match-set foo")]
    [TestCase("-m set --match-set foo up")]
    [TestCase("-m set --match-set foo src --packets-lt 1 --packets-gt 5")]
    [TestCase("-m set --match-set foo src ! --bytes-gt 5")]
    public void Set_rejects_what_iptables_rejects(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();
}
