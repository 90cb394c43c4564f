using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;
using static IptablesPolicy.Core.Tests.Extensions.Targets.TargetParsing;

namespace IptablesPolicy.Core.Tests.Extensions.Targets;

[TestFixture]
public sealed class NatTargetTests
{
    [Test]
    public void Dnat_to_an_endpoint_as_kube_proxy_writes_it_reads_address_and_port()
    {
        var dnat = Target<NatTarget>("-p tcp -m comment --comment \"default/web\" -m tcp -j DNAT --to-destination 10.244.0.13:80");
        dnat.IsDestinationNat.ShouldBeTrue();
        dnat.FirstAddress.ShouldBe(IPAddress.Parse("10.244.0.13"));
        dnat.LastAddress.ShouldBe(IPAddress.Parse("10.244.0.13"));
        dnat.AddressNetwork.ShouldBe(IPNetwork.Parse("10.244.0.13/32"));
        dnat.Ports.ShouldBe(new PortRange(80, 80));
        dnat.PortOffset.ShouldBeNull();
        (dnat.Random, dnat.RandomFully, dnat.Persistent).ShouldBe((false, false, false));
        dnat.ToString().ShouldBe("-j DNAT --to-destination 10.244.0.13:80");
    }

    [Test]
    public void Dnat_to_an_IPv6_endpoint_in_brackets_reads_address_and_port()
    {
        var dnat = Target<NatTarget>("-p tcp -j DNAT --to-destination [fd00::1]:80", family: IpFamily.IPv6);
        dnat.FirstAddress.ShouldBe(IPAddress.Parse("fd00::1"));
        dnat.AddressNetwork.ShouldBe(IPNetwork.Parse("fd00::1/128"));
        dnat.Ports.ShouldBe(new PortRange(80, 80));
        dnat.ToString().ShouldBe("-j DNAT --to-destination [fd00::1]:80");
    }

    [Test]
    public void Dnat_to_an_IPv6_address_without_ports_has_no_brackets()
    {
        var dnat = Target<NatTarget>("-j DNAT --to-destination fd00::1-fd00::ff", family: IpFamily.IPv6);
        dnat.FirstAddress.ShouldBe(IPAddress.Parse("fd00::1"));
        dnat.LastAddress.ShouldBe(IPAddress.Parse("fd00::ff"));
        dnat.AddressNetwork.ShouldBeNull();
        dnat.Ports.ShouldBeNull();
        dnat.ToString().ShouldBe("-j DNAT --to-destination fd00::1-fd00::ff");
    }

    [TestCase("10.0.0.0-10.0.0.255", "10.0.0.0/24")]
    [TestCase("10.0.0.7", "10.0.0.7/32")]
    [TestCase("10.0.0.1-10.0.0.10", null)]
    [TestCase("10.0.0.0-10.0.1.0", null)]
    public void An_address_range_is_a_network_only_when_it_is_one(string range, string? network)
    {
        var snat = Target<NatTarget>($"-j SNAT --to-source {range}", chain: "POSTROUTING");
        snat.AddressNetwork.ShouldBe(network is null ? null : IPNetwork.Parse(network));
    }

    [Test]
    public void Snat_flags_and_a_port_range_are_read_and_saved_in_order()
    {
        var snat = Target<NatTarget>("-p udp -j SNAT --persistent --random-fully --to-source 192.0.2.1-192.0.2.9:1024-65535 --random", chain: "POSTROUTING");
        snat.IsDestinationNat.ShouldBeFalse();
        snat.Ports.ShouldBe(new PortRange(1024, 65535));
        (snat.Random, snat.RandomFully, snat.Persistent).ShouldBe((true, true, true));
        snat.ToString().ShouldBe("-j SNAT --to-source 192.0.2.1-192.0.2.9:1024-65535 --random --random-fully --persistent");
    }

    [Test]
    public void Service_names_and_a_shifted_port_map_become_numbers()
    {
        var dnat = Target<NatTarget>("-p tcp -j DNAT --to-destination 1.1.1.1:10-20/ftp");
        dnat.Ports.ShouldBe(new PortRange(10, 20));
        dnat.PortOffset.ShouldBe(21);
        dnat.ToString().ShouldBe("-j DNAT --to-destination 1.1.1.1:10-20/21");
        Saved("-p tcp -j DNAT --to-destination 1.1.1.1:ssh").ShouldBe("-j DNAT --to-destination 1.1.1.1:22");
    }

    [Test]
    public void A_dnat_to_ports_only_has_no_address()
    {
        var dnat = Target<NatTarget>("-p tcp -j DNAT --to-destination :8080");
        dnat.FirstAddress.ShouldBeNull();
        dnat.AddressNetwork.ShouldBeNull();
        dnat.Ports.ShouldBe(new PortRange(8080, 8080));
        dnat.ToString().ShouldBe("-j DNAT --to-destination :8080");
    }

    [TestCase("-j DNAT --to-destination 1.1.1.1:80", "ports need -p tcp")]
    [TestCase("-j DNAT", "needs --to-destination")]
    [TestCase("-p tcp -j DNAT --to-destination [1.1.1.1]:80", "invalid address format")]
    [TestCase("-p tcp -j DNAT --to-destination 1.1.1.1:10:20", "bad IP address")] // two colons make an IPv6 address, as in iptables
    [TestCase("-p tcp -j MASQUERADE --to-ports 10:20", "with a dash")]
    [TestCase("-p tcp -j DNAT --to-destination 1.1.1.1:20-10", "is empty")]
    [TestCase("-p tcp -j DNAT --to-destination 1.1.1.1:10-ssh", "invalid port range")]
    [TestCase("-j DNAT --to-destination 1.1.1.1 --random-fully", "unknown option --random-fully")]
    [TestCase("-j DNAT --to-destination 1.1", "bad IP address")]
    [TestCase("-j DNAT --to-destination 1.1.1.1 --to-destination 2.2.2.2", "given twice")]
    public void Invalid_nat_targets_are_rejected_with_what_was_expected(string arguments, string message)
    {
        Errors(arguments).ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }

    [Test]
    public void Masquerade_reads_ports_and_flags()
    {
        var masquerade = Target<MasqueradeTarget>("-p tcp -j MASQUERADE --random-fully --to-ports 1024-65535", chain: "POSTROUTING");
        masquerade.ToPorts.ShouldBe(new PortRange(1024, 65535));
        masquerade.RandomFully.ShouldBeTrue();
        masquerade.Random.ShouldBeFalse();
        masquerade.ToString().ShouldBe("-j MASQUERADE --to-ports 1024-65535 --random-fully");
        Target<MasqueradeTarget>("-j MASQUERADE", chain: "POSTROUTING").ToPorts.ShouldBeNull();
    }

    [Test]
    public void Redirect_reads_its_port_as_a_sidecar_proxy_writes_it()
    {
        var redirect = Target<RedirectTarget>("-p tcp -j REDIRECT --to-ports 15001", chain: "OUTPUT");
        redirect.ToPorts.ShouldBe(new PortRange(15001, 15001));
        redirect.Random.ShouldBeFalse();
        Saved("-p udp -j REDIRECT --to-ports 512-512").ShouldBe("-j REDIRECT --to-ports 512");
        Errors("-p tcp -j REDIRECT --to-ports 42-1234/567").ShouldContain(e => e.Contains("no /BASE", StringComparison.Ordinal));
    }

    [Test]
    public void A_headerless_ipv6_snat_is_read_by_the_ipv6_variant()
    {
        var snapshot = SnapshotReader.Parse("-A POSTROUTING -j SNAT --to-source fd00::1\n", "rules", SnapshotFormat.SaveFragment);
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        snapshot.Family.ShouldBe(IpFamily.IPv6);
        snapshot.Rules.ShouldHaveSingleItem().Target.ShouldBeOfType<NatTarget>().FirstAddress.ShouldBe(IPAddress.Parse("fd00::1"));
    }

    [Test]
    public void A_kube_proxy_save_line_reads_back_unchanged()
    {
        const string text = "*nat\n:KUBE-SEP-ABC - [0:0]\n-A KUBE-SEP-ABC -p tcp -m comment --comment \"default/web:http\" -m tcp -j DNAT --to-destination 10.244.0.13:80\nCOMMIT\n";
        var snapshot = SnapshotReader.Parse(text, "rules.v4");
        snapshot.Diagnostics.ShouldBeEmpty();
        var rule = snapshot.Rules.ShouldHaveSingleItem();
        rule.Text.ShouldBe("-A KUBE-SEP-ABC -p tcp -m comment --comment \"default/web:http\" -m tcp -j DNAT --to-destination 10.244.0.13:80");
        rule.Target.ShouldBeOfType<NatTarget>().Ports.ShouldBe(new PortRange(80, 80));
    }
}
