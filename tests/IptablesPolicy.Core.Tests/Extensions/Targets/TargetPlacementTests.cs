using static IptablesPolicy.Core.Tests.Extensions.Targets.TargetParsing;

namespace IptablesPolicy.Core.Tests.Extensions.Targets;

/// <summary>The tables and hooks the kernel accepts a target in, and the protocols it needs.</summary>
[TestFixture]
public sealed class TargetPlacementTests
{
    [TestCase("-j DNAT --to-destination 10.0.0.1", "filter", "INPUT", "only valid in the nat table")]
    [TestCase("-j DNAT --to-destination 10.0.0.1", "nat", "POSTROUTING", "only valid in PREROUTING, OUTPUT")]
    [TestCase("-j SNAT --to-source 10.0.0.1", "nat", "PREROUTING", "only valid in POSTROUTING, INPUT")]
    [TestCase("-j MASQUERADE", "nat", "OUTPUT", "only valid in POSTROUTING")]
    [TestCase("-j TTL --ttl-set 1", "filter", "INPUT", "only valid in the mangle table")]
    [TestCase("-j CT --notrack", "mangle", "PREROUTING", "only valid in the raw table")]
    [TestCase("-j NOTRACK", "filter", "OUTPUT", "only valid in the raw table")]
    [TestCase("-p tcp -j TPROXY --on-port 1", "mangle", "OUTPUT", "only valid in PREROUTING")]
    [TestCase("-j TPROXY --on-port 1", "mangle", "PREROUTING", "needs -p tcp or -p udp")]
    [TestCase("-j TCPOPTSTRIP", "mangle", "INPUT", "needs -p tcp")]
    [TestCase("-j SYNPROXY --mss 1460", "filter", "INPUT", "needs -p tcp")]
    [TestCase("-j ECN --ecn-tcp-remove", "mangle", "FORWARD", "needs -p tcp")]
    public void A_target_where_the_kernel_refuses_it_is_rejected(string arguments, string table, string chain, string message)
    {
        Errors(arguments, table, chain).ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }

    [Test]
    public void A_nat_target_in_a_user_chain_is_accepted_whatever_the_hook()
    {
        var snapshot = SnapshotReader.Parse("*nat\n:KUBE-SEP-X - [0:0]\n-A KUBE-SEP-X -s 10.0.0.1/32 -j MARK --set-xmark 0x4000/0x4000\n-A KUBE-SEP-X -p tcp -j DNAT --to-destination 10.0.0.1:80\nCOMMIT\n", "rules.v4");
        snapshot.Diagnostics.ShouldBeEmpty();
    }

    [Test]
    public void Ecn_keeps_the_bits_apart_when_remove_comes_with_an_ip_codepoint()
    {
        Saved("-p tcp -j ECN --ecn-tcp-remove --ecn-ip-ect 1", table: "mangle", chain: "FORWARD")
            .ShouldBe("-j ECN --ecn-tcp-ece 0 --ecn-tcp-cwr 0 --ecn-ip-ect 1");
        Saved("-p tcp -j ECN --ecn-tcp-cwr 0 --ecn-tcp-ece 0", table: "mangle", chain: "FORWARD")
            .ShouldBe("-j ECN --ecn-tcp-remove");
    }

    [Test]
    public void Dnat_takes_the_to_abbreviation_people_type()
    {
        Saved("-p tcp -j DNAT --to 10.0.0.1:8080").ShouldBe("-j DNAT --to-destination 10.0.0.1:8080");
    }
}
