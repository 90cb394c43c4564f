using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;
using static IptablesPolicy.Core.Tests.Extensions.Targets.TargetParsing;

namespace IptablesPolicy.Core.Tests.Extensions.Targets;

[TestFixture]
public sealed class ConntrackTargetTests
{
    [Test]
    public void Ct_notrack_is_read()
    {
        var ct = Target<CtTarget>("-j CT --notrack", table: "raw");
        ct.NoTrack.ShouldBeTrue();
        ct.Zone.ShouldBeNull();
        ct.ToString().ShouldBe("-j CT --notrack");
    }

    [Test]
    public void Ct_reads_zone_helper_and_events_in_kernel_order()
    {
        var ct = Target<CtTarget>("-j CT --zone-orig 5 --ctevents mark,new --helper ftp", table: "raw");
        ct.Zone.ShouldBe(5);
        ct.ZoneDirection.ShouldBe("orig");
        ct.Helper.ShouldBe("ftp");
        ct.ConntrackEvents.ShouldBe(["new", "mark"]);
        ct.ToString().ShouldBe("-j CT --helper ftp --ctevents new,mark --zone-orig 5");
    }

    [Test]
    public void Ct_zone_from_the_mark_and_zone_zero()
    {
        var ct = Target<CtTarget>("-j CT --zone mark", table: "raw");
        ct.ZoneFromMark.ShouldBeTrue();
        ct.Zone.ShouldBeNull();
        Saved("-j CT --zone 0", table: "raw").ShouldBe("-j CT");
    }

    [TestCase("-j CT --zone 65536", "zone ID")]
    [TestCase("-j CT --ctevents new,bogus", "unknown event")]
    public void Invalid_ct_options_are_rejected(string arguments, string message)
    {
        Errors(arguments, table: "raw").ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }

    [Test]
    public void Notrack_is_a_known_target_without_options()
    {
        var target = Rule("-j NOTRACK", table: "raw").Target;
        target.IsKnown.ShouldBeTrue();
        target.Kind.ShouldBe(TargetKind.Extension);
        target.ToString().ShouldBe("-j NOTRACK");
        Errors("-j NOTRACK --zone 1", table: "raw").ShouldNotBeEmpty();
    }

    [Test]
    public void Tcpmss_reads_set_mss_or_clamp()
    {
        var clamp = Target<TcpmssTarget>("-p tcp -m tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu", table: "mangle", chain: "FORWARD");
        clamp.ClampToPmtu.ShouldBeTrue();
        clamp.SetMss.ShouldBeNull();
        var set = Target<TcpmssTarget>("-p tcp -j TCPMSS --set-mss 1400", table: "mangle", chain: "FORWARD");
        set.SetMss.ShouldBe(1400);
        set.ClampToPmtu.ShouldBeFalse();
    }

    [TestCase("-j TCPMSS --set-mss 1400", IpFamily.IPv4, "needs -p tcp")]
    [TestCase("-p tcp -j TCPMSS", IpFamily.IPv4, "needs --set-mss")]
    [TestCase("-p tcp -j TCPMSS --set-mss 65516", IpFamily.IPv4, "invalid MSS")]
    [TestCase("-p tcp -j TCPMSS --set-mss 65496", IpFamily.IPv6, "invalid MSS")]
    public void Invalid_tcpmss_targets_are_rejected(string arguments, IpFamily family, string message)
    {
        Errors(arguments, table: "mangle", chain: "FORWARD", family: family).ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }
}
