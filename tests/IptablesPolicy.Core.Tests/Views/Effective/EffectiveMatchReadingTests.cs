using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;
using IptablesPolicy.Core.Views.Effective;

namespace IptablesPolicy.Core.Tests.Views.Effective;

/// <summary>What <c>rule.Effective()</c> reads from each field and match of a rule.</summary>
[TestFixture]
public sealed class EffectiveMatchReadingTests
{
    [Test]
    public void A_rule_without_conditions_matches_every_packet()
    {
        var match = EffectiveRules.Of("-m comment --comment \"only a note\" -j ACCEPT");
        match.IsAny.ShouldBeTrue();
        match.IsFullyModelled.ShouldBeTrue();
        match.ShouldBe(EffectiveMatch.Any);
        match.ToString().ShouldBe("any");
    }

    [TestCase("-p tcp", "tcp")]
    [TestCase("! -p udp", "! udp")]
    [TestCase("-p 47", "gre")]
    [TestCase("-p all", "any")]
    [TestCase("-p tcp -m tcp --dport 22", "tcp")]
    [TestCase("-p icmp -m icmp --icmp-type 8", "icmp")]
    public void Protocol_is_read_from_p_by_name_or_number(string arguments, string expected) =>
        EffectiveRules.Of(arguments + " -j ACCEPT").Protocol.ToString().ShouldBe(expected);

    [Test]
    public void Ipv6_protocol_is_the_icmpv6_number()
    {
        var match = EffectiveRules.Of("-p ipv6-icmp -m icmp6 --icmpv6-type 128 -j ACCEPT", ipv6: true);
        match.Protocol.Numbers.ShouldBe([58]);
        match.IcmpTypes.ShouldBe(IcmpTypeSet.Of(128));
    }

    [TestCase("-s 10.0.0.0/8", "10.1.2.3", true)]
    [TestCase("-s 10.0.0.0/8", "11.1.2.3", false)]
    [TestCase("! -s 10.0.0.0/8", "11.1.2.3", true)]
    [TestCase("! -s 10.0.0.0/8", "10.1.2.3", false)]
    [TestCase("-s 10.0.12.0/255.0.255.0", "10.9.12.1", true)]
    [TestCase("-s 10.0.12.0/255.0.255.0", "10.9.13.1", false)]
    [TestCase("-m iprange --src-range 10.0.0.5-10.0.0.9", "10.0.0.9", true)]
    [TestCase("-m iprange --src-range 10.0.0.5-10.0.0.9", "10.0.0.10", false)]
    [TestCase("-m iprange ! --src-range 10.0.0.5-10.0.0.9", "10.0.0.10", true)]
    [TestCase("-s 10.0.0.0/24 -m iprange --src-range 10.0.0.200-10.0.1.9", "10.0.0.255", true)]
    [TestCase("-s 10.0.0.0/24 -m iprange --src-range 10.0.0.200-10.0.1.9", "10.0.1.1", false)]
    public void Source_addresses_combine_s_masks_and_iprange(string arguments, string address, bool expected) =>
        EffectiveRules.Of(arguments + " -j ACCEPT").Source.Contains(IPAddress.Parse(address)).ShouldBe(expected);

    [Test]
    public void Destination_addresses_come_from_d_and_dst_range()
    {
        var match = EffectiveRules.Of("-d 192.168.0.0/16 -m iprange --dst-range 192.168.1.0-192.168.1.255 -j ACCEPT");
        match.Destination.ToString().ShouldBe("192.168.1.0/24");
        match.Source.IsAny.ShouldBeTrue();
    }

    [Test]
    public void Whole_family_address_is_the_same_as_none_given()
    {
        EffectiveRules.Of("-s 0.0.0.0/0 -j ACCEPT").Source.IsAny.ShouldBeTrue();
        EffectiveRules.Of("-d ::/0 -j ACCEPT", ipv6: true).Destination.IsAny.ShouldBeTrue();
    }

    [Test]
    public void Ipv6_addresses_and_ranges()
    {
        var match = EffectiveRules.Of("-s fd00::/8 -m iprange --dst-range 2001:db8::1-2001:db8::ff -j ACCEPT", ipv6: true);
        match.Source.Contains(IPAddress.Parse("fd12::1")).ShouldBeTrue();
        match.Destination.Contains(IPAddress.Parse("2001:db8::80")).ShouldBeTrue();
        match.Destination.Contains(IPAddress.Parse("2001:db8::100")).ShouldBeFalse();
    }

    [TestCase("-i eth0", "eth0", "eth1", TestName = "exact interface")]
    [TestCase("-i eni+", "eni1234", "eth0", TestName = "wildcard interface")]
    [TestCase("! -i docker0", "eth0", "docker0", TestName = "negated interface")]
    public void In_interface_patterns(string arguments, string matching, string notMatching)
    {
        var pattern = EffectiveRules.Of(arguments + " -j ACCEPT").InInterface;
        pattern.Contains(matching).ShouldBeTrue();
        pattern.Contains(notMatching).ShouldBeFalse();
    }

    [Test]
    public void Out_interface_is_read_from_o()
    {
        var match = EffectiveRules.Of("! -o br-+ -j ACCEPT");
        match.OutInterface.ShouldBe(InterfacePattern.Of("br-+", isNegated: true));
        match.InInterface.IsAny.ShouldBeTrue();
    }

    [TestCase("-p tcp -m tcp --dport 22", "any", "22")]
    [TestCase("-p tcp -m tcp ! --dport 22", "any", "! 22")]
    [TestCase("-p udp -m udp --sport 1024:65535 --dport 53", "1024:65535", "53")]
    [TestCase("-p tcp -m tcp --sport 1024:", "1024:65535", "any")]
    [TestCase("-p tcp -m multiport --dports 80,443,8000:8080", "any", "80,443,8000:8080")]
    [TestCase("-p tcp -m multiport ! --dports 80,443", "any", "! 80,443")]
    [TestCase("-p udp -m multiport --sports 53,123", "53,123", "any")]
    [TestCase("-p tcp -m multiport ! --ports 22,23", "! 22:23", "! 22:23")]
    [TestCase("-p tcp -m tcp --dport 1:1023 -m multiport --dports 22,8080", "any", "22")]
    [TestCase("-p sctp -m sctp --dport 3868", "any", "3868")]
    [TestCase("-p dccp -m dccp --sport 5000", "5000", "any")]
    public void Ports_combine_port_matches_multiport_ranges_and_negation(string arguments, string sourcePorts, string destinationPorts)
    {
        var match = EffectiveRules.Of(arguments + " -j ACCEPT");
        match.SourcePorts.ToString().ShouldBe(sourcePorts);
        match.DestinationPorts.ToString().ShouldBe(destinationPorts);
        match.IsFullyModelled.ShouldBeTrue(string.Join("; ", match.Unmodelled));
        match.ReadsTransportHeader.ShouldBeTrue();
        match.Fragments.ShouldBe(FragmentFilter.Any);
    }

    [Test]
    public void Multiport_either_ports_cannot_be_held_by_two_port_sets()
    {
        var match = EffectiveRules.Of("-p tcp -m multiport --ports 22,80 -j ACCEPT");
        match.SourcePorts.IsAny.ShouldBeTrue();
        match.DestinationPorts.IsAny.ShouldBeTrue();
        match.Unmodelled.ShouldBe(["-m multiport --ports 22,80"]);
    }

    [TestCase("-m conntrack --ctstate RELATED,ESTABLISHED", ConnectionStates.Related | ConnectionStates.Established)]
    [TestCase("-m conntrack ! --ctstate INVALID", ConnectionStates.New | ConnectionStates.Related | ConnectionStates.Established | ConnectionStates.Untracked)]
    [TestCase("-m state --state NEW", ConnectionStates.New)]
    [TestCase("-m state ! --state NEW,INVALID", ConnectionStates.Related | ConnectionStates.Established | ConnectionStates.Untracked)]
    [TestCase("-m conntrack --ctstate NEW,RELATED -m state --state RELATED,ESTABLISHED", ConnectionStates.Related)]
    public void States_come_from_conntrack_and_state_with_negation(string arguments, ConnectionStates expected)
    {
        var match = EffectiveRules.Of(arguments + " -j ACCEPT");
        match.States.States.ShouldBe(expected);
        match.IsFullyModelled.ShouldBeTrue();
    }

    [Test]
    public void Nat_states_and_other_conntrack_tests_are_unmodelled_but_the_states_still_count()
    {
        var dnat = EffectiveRules.Of("-m conntrack --ctstate DNAT -j ACCEPT");
        dnat.States.IsAny.ShouldBeTrue();
        dnat.Unmodelled.ShouldBe(["-m conntrack --ctstate DNAT"]);
        var status = EffectiveRules.Of("-m conntrack --ctstate NEW --ctstatus CONFIRMED -j ACCEPT");
        status.States.States.ShouldBe(ConnectionStates.New);
        status.Unmodelled.ShouldBe(["-m conntrack --ctstatus CONFIRMED"]);
    }

    [TestCase("-p icmp -m icmp --icmp-type 8", 8, 0, true)]
    [TestCase("-p icmp -m icmp --icmp-type 8", 0, 0, false)]
    [TestCase("-p icmp -m icmp --icmp-type 3/4", 3, 4, true)]
    [TestCase("-p icmp -m icmp --icmp-type 3/4", 3, 1, false)]
    [TestCase("-p icmp -m icmp ! --icmp-type 8", 0, 0, true)]
    [TestCase("-p icmp -m icmp ! --icmp-type 8", 8, 0, false)]
    [TestCase("-p icmp -m icmp --icmp-type any", 13, 0, true)]
    [TestCase("-p icmp -m icmp --icmp-type echo-request", 8, 0, true)]
    public void Icmp_types_and_codes(string arguments, int type, int code, bool expected) =>
        EffectiveRules.Of(arguments + " -j ACCEPT").IcmpTypes.Contains(type, code).ShouldBe(expected);

    [Test]
    public void Fragment_flag_is_kept_as_written()
    {
        EffectiveRules.Of("-f -j DROP").Fragments.ShouldBe(FragmentFilter.NonFirstFragmentsOnly);
        EffectiveRules.Of("! -f -j DROP").Fragments.ShouldBe(FragmentFilter.ExceptNonFirstFragments);
        EffectiveRules.Of("-f -j DROP").ToString().ShouldBe("fragments=non-first");
        EffectiveRules.Of("-f -j DROP").ReadsTransportHeader.ShouldBeFalse();
        EffectiveRules.Of("-p tcp -f -m tcp --dport 22 -j DROP").ReadsTransportHeader.ShouldBeTrue();
    }

    [TestCase("-m mark --mark 0x4000/0x4000", "-m mark --mark 0x4000/0x4000")]
    [TestCase("-m limit --limit 5/min", "-m limit --limit 5/min")]
    [TestCase("-m statistic --mode random --probability 0.50000000000", "-m statistic --mode random --probability 0.50000000000")]
    [TestCase("-m set --match-set blocked src", "-m set --match-set blocked src")]
    [TestCase("-m recent --rcheck --seconds 60 --name ssh --mask 255.255.255.255 --rsource", "-m recent --rcheck --seconds 60 --name ssh --mask 255.255.255.255 --rsource")]
    [TestCase("-p tcp -m tcp --dport 22 --tcp-flags FIN,SYN,RST,ACK SYN", "-m tcp --tcp-flags FIN,SYN,RST,ACK SYN")]
    [TestCase("-m addrtype --dst-type LOCAL", "-m addrtype --dst-type LOCAL")]
    [TestCase("-m frobnicate --level 3", "-m frobnicate --level 3")]
    public void Other_restrictions_are_named_as_unmodelled(string arguments, string unmodelled)
    {
        var match = EffectiveRules.Of(arguments + " -j ACCEPT");
        match.Unmodelled.ShouldBe([unmodelled]);
        match.IsFullyModelled.ShouldBeFalse();
        match.IsAny.ShouldBeFalse();
    }

    [Test]
    public void Fields_a_listing_cannot_show_are_unmodelled_not_any()
    {
        const string listing = """
            Chain INPUT (policy ACCEPT)
            target     prot opt source               destination
            ACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:22
            """;
        var rule = SnapshotReader.Parse(listing).Rules.Single();
        var match = rule.Effective();
        match.DestinationPorts.ShouldBe(PortSet.Of(22));
        match.Unmodelled.ShouldBe(["inInterface unknown", "outInterface unknown"]);
    }

    [Test]
    public void To_string_lists_the_restricted_sets()
    {
        EffectiveRules.Of("-s 10.0.0.0/8 -i eth0 -p tcp -m conntrack --ctstate NEW -m tcp --dport 22 -m mark --mark 0x1 -j ACCEPT").ToString()
            .ShouldBe("proto=tcp src=10.0.0.0/8 in=eth0 dport=22 state=NEW unmodelled=[-m mark --mark 0x1]");
    }
}
