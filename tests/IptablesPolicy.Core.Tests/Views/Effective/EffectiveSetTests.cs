using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;
using IptablesPolicy.Core.Views.Effective;

namespace IptablesPolicy.Core.Tests.Views.Effective;

/// <summary>The sets behind an effective match: membership, subsets, negation and how they print.</summary>
[TestFixture]
public sealed class EffectiveSetTests
{
    [Test]
    public void Port_set_merges_adjacent_ranges_and_prints_the_shorter_of_list_and_negation()
    {
        var set = PortSet.Of(new PortRange(80, 80), new PortRange(81, 90), new PortRange(443, 443));
        set.Ranges.ShouldBe([new PortRange(80, 90), new PortRange(443, 443)]);
        set.ToString().ShouldBe("80:90,443");
        PortSet.Of(22).Complement().ToString().ShouldBe("! 22");
        PortSet.Of(22).Complement().Contains(22).ShouldBeFalse();
        PortSet.Of(22).Complement().Contains(23).ShouldBeTrue();
        PortSet.Any.ToString().ShouldBe("any");
        PortSet.None.ToString().ShouldBe("none");
        PortSet.Of(new PortRange(0, 65535)).IsAny.ShouldBeTrue();
    }

    [Test]
    public void Port_set_subsets_follow_ranges()
    {
        PortSet.Of(22).IsSubsetOf(PortSet.Of(new PortRange(1, 1023))).ShouldBeTrue();
        PortSet.Of(new PortRange(1000, 1100)).IsSubsetOf(PortSet.Of(new PortRange(1, 1023))).ShouldBeFalse();
        PortSet.Of(80, 443).IsSubsetOf(PortSet.Of(80).Complement()).ShouldBeFalse();
        PortSet.Of(443).IsSubsetOf(PortSet.Of(80).Complement()).ShouldBeTrue();
        PortSet.None.IsSubsetOf(PortSet.Of(1)).ShouldBeTrue();
        PortSet.Any.IsSubsetOf(PortSet.Of(1).Complement()).ShouldBeFalse();
    }

    [Test]
    public void Protocol_set_reads_names_and_numbers_alike_and_all_means_any()
    {
        ProtocolSet.TryParse("6").ShouldBe(ProtocolSet.TryParse("TCP"));
        ProtocolSet.TryParse("all")!.IsAny.ShouldBeTrue();
        ProtocolSet.TryParse("0")!.IsAny.ShouldBeTrue();
        ProtocolSet.TryParse("no-such-protocol").ShouldBeNull();
        ProtocolSet.Of(47).ToString().ShouldBe("gre");
        ProtocolSet.Of(17).Complement().ToString().ShouldBe("! udp");
        ProtocolSet.Of(6, 17).Contains("udp").ShouldBeTrue();
        ProtocolSet.Of(6, 17).Numbers.ShouldBe([6, 17]);
    }

    [Test]
    public void Address_set_holds_a_non_prefix_mask_exactly()
    {
        // 10.0.12.0/255.0.255.0: the first and third bytes fixed, the second and fourth free.
        var set = AddressSet.Of(AddressSpec.TryParse("10.0.12.0/255.0.255.0")!)!;
        set.Contains(IPAddress.Parse("10.7.12.200")).ShouldBeTrue();
        set.Contains(IPAddress.Parse("10.7.13.1")).ShouldBeFalse();
        set.Ranges.Count.ShouldBe(256);
        set.IsSubsetOf(AddressSet.Of(IPNetwork.Parse("10.0.0.0/8"))).ShouldBeTrue();
        AddressSet.Of(IPNetwork.Parse("10.3.12.0/24")).IsSubsetOf(set).ShouldBeTrue();
        AddressSet.Of(IPNetwork.Parse("10.3.12.0/23")).IsSubsetOf(set).ShouldBeFalse();
    }

    [Test]
    public void Address_set_refuses_a_mask_too_scattered_to_list()
    {
        AddressSet.Of(AddressSpec.TryParse("0.0.0.1/0.0.0.255")!).ShouldBeNull();
        AddressSet.Of(AddressSpec.FromHostName("db.example")).ShouldBeNull();
    }

    [Test]
    public void Address_set_keeps_the_families_apart()
    {
        var v4 = AddressSet.Of(IPNetwork.Parse("10.0.0.0/8"));
        var v6 = AddressSet.Of(IPNetwork.Parse("fd00::/8"));
        v4.Contains(IPAddress.Parse("fd00::1")).ShouldBeFalse();
        v6.Contains(IPAddress.Parse("fd00::1")).ShouldBeTrue();
        v4.Intersect(v6).IsEmpty.ShouldBeTrue();
        v4.IsSubsetOf(v6).ShouldBeFalse();
        // Negation takes the network away from its own family only.
        v4.Complement().Contains(IPAddress.Parse("::1")).ShouldBeTrue();
        v4.Complement().ToString().ShouldBe("! 10.0.0.0/8");
    }

    [Test]
    public void Address_set_prints_networks_ranges_and_splits_into_cidrs()
    {
        var range = AddressSet.Range(IPAddress.Parse("10.0.0.0"), IPAddress.Parse("10.0.0.2"));
        range.ToString().ShouldBe("10.0.0.0-10.0.0.2");
        range.ToNetworks().Select(n => n.ToString()).ShouldBe(["10.0.0.0/31", "10.0.0.2/32"]);
        AddressSet.Of(IPNetwork.Parse("192.168.0.0/16")).ToString().ShouldBe("192.168.0.0/16");
        AddressSet.Range(IPAddress.Parse("10.0.0.9"), IPAddress.Parse("10.0.0.1")).IsEmpty.ShouldBeTrue();
        AddressSet.Range(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("::1")).IsEmpty.ShouldBeTrue();
        AddressSet.Any.ToString().ShouldBe("any");
        AddressSet.Of(IPNetwork.Parse("::/0")).ToNetworks().Single().ToString().ShouldBe("::/0");
        AddressSet.Any.Contains(IPNetwork.Parse("10.0.0.0/8")).ShouldBeTrue();
    }

    [TestCase("eth0", false, "eth0", true)]
    [TestCase("eth0", false, "eth1", false)]
    [TestCase("eth+", false, "eth0", true)]
    [TestCase("eth+", false, "eth", true)]
    [TestCase("eth+", false, "veth0", false)]
    [TestCase("docker0", true, "eth0", true)]
    [TestCase("docker0", true, "docker0", false)]
    [TestCase("br-+", true, "br-1a2b", false)]
    [TestCase("+", false, "anything", true)]
    [TestCase("+", true, "anything", false)]
    public void Interface_pattern_matches_names(string pattern, bool negated, string name, bool expected) =>
        InterfacePattern.Of(pattern, negated).Contains(name).ShouldBe(expected);

    [TestCase("eth0", false, "eth+", false, true, TestName = "an exact name is inside its prefix")]
    [TestCase("eth+", false, "eth0", false, false, TestName = "a prefix is not inside one name")]
    [TestCase("eth1+", false, "eth+", false, true, TestName = "a longer prefix is inside a shorter one")]
    [TestCase("eth+", false, "eth1+", false, false, TestName = "a shorter prefix is not inside a longer one")]
    [TestCase("eth0", false, "docker0", true, true, TestName = "a name is inside every name but another")]
    [TestCase("eth0", false, "eth+", true, false, TestName = "a name is not inside every name but its prefix")]
    [TestCase("eth+", false, "docker+", true, true, TestName = "a prefix is inside every name but an unrelated prefix")]
    [TestCase("eth+", false, "e+", true, false, TestName = "a prefix is not inside every name but a shorter prefix of it")]
    [TestCase("docker0", true, "eth0", false, false, TestName = "every name but one is not inside one name")]
    [TestCase("docker+", true, "docker0", true, true, TestName = "every name but a prefix is inside every name but one of its names")]
    [TestCase("docker0", true, "docker+", true, false, TestName = "every name but one is not inside every name but its prefix")]
    [TestCase("docker0", true, "+", false, true, TestName = "anything is inside any")]
    public void Interface_pattern_subsets(string pattern, bool negated, string otherPattern, bool otherNegated, bool expected) =>
        InterfacePattern.Of(pattern, negated).IsSubsetOf(InterfacePattern.Of(otherPattern, otherNegated)).ShouldBe(expected);

    [Test]
    public void Interface_pattern_prints_as_iptables_writes_it()
    {
        InterfacePattern.Of("+").ShouldBe(InterfacePattern.Any);
        InterfacePattern.Any.ToString().ShouldBe("any");
        InterfacePattern.Of("eni+").ToString().ShouldBe("eni+");
        InterfacePattern.Of("docker0", isNegated: true).ToString().ShouldBe("! docker0");
        InterfacePattern.Of("+", isNegated: true).IsEmpty.ShouldBeTrue();
    }

    [Test]
    public void Connection_state_set_holds_base_states_only()
    {
        var set = ConnectionStateSet.Of(ConnectionStates.Related | ConnectionStates.Established | ConnectionStates.Dnat);
        set.States.ShouldBe(ConnectionStates.Related | ConnectionStates.Established);
        set.ToString().ShouldBe("RELATED,ESTABLISHED");
        set.Contains(ConnectionStates.Established).ShouldBeTrue();
        set.Contains(ConnectionStates.New).ShouldBeFalse();
        set.Complement().ToString().ShouldBe("INVALID,NEW,UNTRACKED");
        ConnectionStateSet.Of(ConnectionStates.Established).IsSubsetOf(set).ShouldBeTrue();
        ConnectionStateSet.Any.IsSubsetOf(set).ShouldBeFalse();
    }

    [Test]
    public void Icmp_type_set_tells_whole_types_from_single_codes()
    {
        var unreachable = IcmpTypeSet.Of(3);
        var hostUnreachable = IcmpTypeSet.Of(3, 1);
        hostUnreachable.IsSubsetOf(unreachable).ShouldBeTrue();
        unreachable.IsSubsetOf(hostUnreachable).ShouldBeFalse();
        unreachable.Contains(3, 13).ShouldBeTrue();
        hostUnreachable.Contains(3, 13).ShouldBeFalse();
        unreachable.ContainsEveryCodeOf(3).ShouldBeTrue();
        hostUnreachable.ContainsEveryCodeOf(3).ShouldBeFalse();
        unreachable.ToString().ShouldBe("3");
        hostUnreachable.ToString().ShouldBe("3/1");
        IcmpTypeSet.Of(8).Complement().ToString().ShouldBe("! 8");
        IcmpTypeSet.Of(8).Complement().Contains(0, 0).ShouldBeTrue();
    }
}
