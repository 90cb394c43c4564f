using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

[TestFixture]
public sealed class PacketMatchAccessorTests
{
    [TestCase("-m length --length 100", 100UL, 100UL, false)]
    [TestCase("-m length ! --length :1500", 0UL, 1500UL, true)]
    [TestCase("-m length --length 1400:", 1400UL, 65535UL, false)]
    [TestCase("-m length --length 0x10:0x20", 16UL, 32UL, false)]
    public void Length_reads_the_range(string arguments, ulong first, ulong last, bool negated)
    {
        var match = MatchRules.Single<LengthMatch>(arguments);
        match.Length.ShouldBe(new Negatable<NumberRange>(new NumberRange(first, last), negated));
    }

    [TestCase("-m length --length 5:4")]
    [TestCase("-m length --length 65536")]
    [TestCase("-m length")]
    public void Length_rejects_bad_ranges(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();

    [Test]
    public void Owner_reads_ids_ranges_and_flags()
    {
        var match = MatchRules.Single<OwnerMatch>("-m owner ! --socket-exists --uid-owner 1000-1999 --gid-owner root --suppl-groups", chain: "OUTPUT");
        match.UserIds.ShouldBe(new Negatable<NumberRange>(new NumberRange(1000, 1999), false));
        match.GroupIds.ShouldBe(new Negatable<NumberRange>(new NumberRange(0, 0), false));
        match.SocketExists.ShouldBe(new Negatable<bool>(true, true));
        match.IncludesSupplementaryGroups.ShouldBeTrue();
        match.UserName.ShouldBeNull();
        match.ToString().ShouldBe("-m owner ! --socket-exists --uid-owner 1000-1999 --gid-owner 0 --suppl-groups");
    }

    [Test]
    public void Owner_keeps_a_user_name_only_the_machine_can_resolve()
    {
        var match = MatchRules.Single<OwnerMatch>("-m owner ! --uid-owner www-data", chain: "OUTPUT");
        match.UserIds.ShouldBeNull();
        match.UserName.ShouldBe("www-data");
    }

    [TestCase("-m owner --uid-owner 0", "INPUT")]
    [TestCase("-m owner --suppl-groups --gid-owner 1", "OUTPUT")]
    [TestCase("-m owner", "OUTPUT")]
    [TestCase("-m owner --uid-owner 4294967295", "OUTPUT")]
    public void Owner_rejects_what_iptables_or_the_kernel_rejects(string arguments, string chain) =>
        MatchRules.Errors(arguments, chain: chain).ShouldNotBeEmpty();

    [TestCase("host", "unicast")]
    [TestCase("BCAST", "broadcast")]
    [TestCase("multicast", "multicast")]
    [TestCase("otherhost", "otherhost")]
    public void Pkttype_reads_canonical_names(string typed, string canonical) =>
        MatchRules.Single<PkttypeMatch>($"-m pkttype --pkt-type {typed}").PacketType.ShouldBe(new Negatable<string>(canonical, false));

    [Test]
    public void Pkttype_rejects_unknown_types() => MatchRules.Errors("-m pkttype --pkt-type anycast").ShouldNotBeEmpty();

    [Test]
    public void Physdev_reads_ports_and_flags()
    {
        var match = MatchRules.Single<PhysdevMatch>("-m physdev ! --physdev-in veth+ --physdev-is-bridged --physdev-is-in", chain: "FORWARD");
        match.InPort.ShouldBe(new Negatable<string>("veth+", true));
        match.OutPort.ShouldBeNull();
        match.IsIn.ShouldBe(new Negatable<bool>(true, false));
        match.IsOut.ShouldBeNull();
        match.IsBridged.ShouldBe(new Negatable<bool>(true, false));
        match.ToString().ShouldBe("-m physdev --physdev-is-in ! --physdev-in veth+ --physdev-is-bridged");
    }

    [TestCase("-m physdev")]
    [TestCase("-m physdev --physdev-out eth0")]
    [TestCase("-m physdev --physdev-in a-name-longer-than-15")]
    public void Physdev_rejects_what_iptables_or_the_kernel_rejects(string arguments) =>
        MatchRules.Errors(arguments, chain: "OUTPUT").ShouldNotBeEmpty();

    [TestCase("-m tos --tos Minimize-Delay", "-m tos --tos 0x10/0x3f")]
    [TestCase("-m dscp --dscp-class AF41", "-m dscp --dscp 0x22")]
    [TestCase("-m string --hex-string |4142| --algo kmp --from 0 --to 100", "-m string --string \"AB\" --algo kmp --to 100")]
    [TestCase("-m string --hex-string |41|42 --algo bm", "-m string --string \"A42\" --algo bm")]
    [TestCase("-m string --string caf\u00e9 --algo bm", "-m string --hex-string \"|636166c3a9|\" --algo bm")]
    [TestCase("-m string --string a|b --algo bm --icase", "-m string --string \"a|b\" --algo bm --icase")]
    [TestCase("-m ipvs --ipvs --vport ssh --vdir reply", "-m ipvs --vport 22 --vdir REPLY")]
    [TestCase("-m time --timestart 8:00 --weekdays Sat,Mo", "-m time --timestart 08:00:00 --timestop 23:59:59 --weekdays Mon,Sat --datestop 2038-01-19T03:14:07")]
    [TestCase("-m time ! --weekdays Sat,Sun --utc --datestart 2024", "-m time --weekdays Mon,Tue,Wed,Thu,Fri --datestart 2024-01-01T00:00:00 --datestop 2038-01-19T03:14:07")]
    [TestCase("-m u32 --u32 0>>22&0x3C@12=1:255", "-m u32 --u32 \"0x0>>0x16&0x3c@0xc=0x1:0xff\"")]
    [TestCase("-m ttl --ttl 64", "-m ttl --ttl-eq 64")]
    [TestCase("-m realm --realm 10/0xffffffff", "-m realm --realm 0xa")]
    public void Other_matches_save_in_canonical_form(string arguments, string expected) =>
        MatchRules.SaveText(arguments).ShouldBe(expected);
}
