using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

/// <summary>sctp and dccp share <see cref="PortMatch"/> with tcp and udp.</summary>
[TestFixture]
public sealed class PortExtensionTests
{
    [TestCase("sctp")]
    [TestCase("dccp")]
    public void Sctp_and_dccp_ports_are_read_as_port_ranges(string protocol)
    {
        var match = RuleParsing.Parse($"-p {protocol} --sport 1024: ! --dport 5060").Match<PortMatch>().ShouldNotBeNull();
        match.Name.ShouldBe(protocol);
        match.SourcePorts.ShouldBe(new Negatable<PortRange>(new PortRange(1024, 65535), false));
        match.DestinationPorts.ShouldBe(new Negatable<PortRange>(new PortRange(5060, 5060), true));
        match.TcpFlags.ShouldBeNull();
    }

    [Test]
    public void Sctp_chunk_types_are_saved_in_chunk_order_with_their_flags() =>
        RuleParsing.Render("-p sctp -m sctp --chunk-types ANY sack,data:Eb,init").ShouldBe("-p sctp -m sctp --chunk-types any DATA:bE,INIT,SACK");

    [Test]
    public void Sctp_flags_of_chunks_numbered_above_14_are_dropped_as_iptables_save_drops_them() =>
        RuleParsing.Render("-p sctp -m sctp --chunk-types only I_DATA:E,ABORT:t").ShouldBe("-p sctp -m sctp --chunk-types only ABORT:t,I_DATA");

    [Test]
    public void Connlimit_negation_swaps_upto_and_above() =>
        RuleParsing.Render("-m connlimit ! --connlimit-upto 5 --connlimit-daddr", IpFamily.IPv6).ShouldBe("-m connlimit --connlimit-above 5 --connlimit-mask 128 --connlimit-daddr");

    [Test]
    public void Connbytes_negation_is_kept_for_a_range() =>
        RuleParsing.Render("-m connbytes ! --connbytes 10:100 --connbytes-dir both --connbytes-mode bytes").ShouldBe("-m connbytes ! --connbytes 10:100 --connbytes-mode bytes --connbytes-dir both");

    [TestCase("OUTPUT", true)]
    [TestCase("INPUT", false)]
    public void Eui64_is_refused_where_the_kernel_refuses_it(string chain, bool refused) =>
        RuleParsing.Errors("-m eui64", IpFamily.IPv6, chain).Count.ShouldBe(refused ? 1 : 0);
}
