using System.Net;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

[TestFixture]
public sealed class RateMatchAccessorTests
{
    [TestCase("-m limit", "3/hour", 1.0 / 1200, 5)]
    [TestCase("-m limit --limit 60/min --limit-burst 10", "1/sec", 1.0, 10)]
    [TestCase("-m limit --limit 7/s", "7/sec", 7.0, 5)]
    [TestCase("-m limit --limit 1000/hour", "1000/hour", 1000.0 / 3600, 5)]
    public void Limit_reads_rate_as_iptables_prints_it_and_in_packets_per_second(string arguments, string rate, double perSecond, int burst)
    {
        var match = MatchRules.Single<LimitMatch>(arguments);
        match.RateText.ShouldBe(rate);
        match.PacketsPerSecond.ShouldBe(perSecond, 1e-9);
        match.Burst.ShouldBe(burst);
    }

    [TestCase("-m limit ! --limit 1/sec")]
    [TestCase("-m limit --limit 1/fortnight")]
    [TestCase("-m limit --limit 20000/sec")]
    [TestCase("-m limit --limit-burst 10001")]
    public void Limit_rejects_what_iptables_rejects(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();

    [Test]
    public void Hashlimit_reads_packet_rate_mode_name_and_masks()
    {
        var match = MatchRules.Single<HashlimitMatch>(
            "-m hashlimit --hashlimit-above 600/min --hashlimit-mode dstport,srcip --hashlimit-name ssh --hashlimit-srcmask 24");
        match.MatchesAbove.ShouldBeTrue();
        match.RateText.ShouldBe("10/sec");
        match.PacketsPerSecond.ShouldBe(10.0);
        match.IsByteRate.ShouldBeFalse();
        match.Burst.ShouldBe(5);
        match.Mode.ShouldBe(["srcip", "dstport"]);
        match.TableName.ShouldBe("ssh");
        match.SourceMask.ShouldBe(24);
        match.DestinationMask.ShouldBeNull();
        // 600/min is kept as 10/sec: the default expiry of a minute-based rate (60000 ms) is then printed.
        match.ToString().ShouldBe(
            "-m hashlimit --hashlimit-above 10/sec --hashlimit-burst 5 --hashlimit-mode srcip,dstport --hashlimit-name ssh --hashlimit-htable-expire 60000 --hashlimit-srcmask 24");
    }

    [Test]
    public void Hashlimit_reads_a_byte_rate_with_its_burst_in_bytes()
    {
        var match = MatchRules.Single<HashlimitMatch>("-m hashlimit --hashlimit-upto 4kb/s --hashlimit-burst 400kb --hashlimit-name web");
        match.MatchesAbove.ShouldBeFalse();
        match.IsByteRate.ShouldBeTrue();
        match.RateText.ShouldBe("4kb/s");
        match.PacketsPerSecond.ShouldBeNull();
        match.BurstText.ShouldBe("400kb");
        match.Burst.ShouldBeNull();
        match.Mode.ShouldBeEmpty();
    }

    [Test]
    public void Hashlimit_negated_above_is_upto()
    {
        var match = MatchRules.Single<HashlimitMatch>("-m hashlimit ! --hashlimit-above 1/sec --hashlimit-name n");
        match.MatchesAbove.ShouldBeFalse();
        match.ToString().ShouldBe("-m hashlimit --hashlimit-upto 1/sec --hashlimit-burst 5 --hashlimit-name n");
    }

    [TestCase("-m hashlimit --hashlimit-upto 1/sec")]
    [TestCase("-m hashlimit --hashlimit-name n")]
    [TestCase("-m hashlimit --hashlimit-upto 1/sec --hashlimit-above 2/sec --hashlimit-name n")]
    [TestCase("-m hashlimit --hashlimit-upto 1/sec --hashlimit-mode srcmac --hashlimit-name n")]
    [TestCase("-m hashlimit --hashlimit-upto 4kb/s --hashlimit-burst 1kb --hashlimit-name n")]
    [TestCase("-m hashlimit --hashlimit-upto 1/sec --hashlimit-srcmask 33 --hashlimit-name n")]
    public void Hashlimit_rejects_what_iptables_rejects(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();

    [Test]
    public void Statistic_reads_random_mode_probability_as_the_kernel_keeps_it()
    {
        var match = MatchRules.Single<StatisticMatch>("-m statistic --mode random --probability 0.33333333349");
        match.Mode.ShouldBe("random");
        match.Probability.ShouldNotBeNull().ShouldBe(0.33333333349, 1e-10);
        match.Every.ShouldBeNull();
        match.IsNegated.ShouldBeFalse();
        match.ToString().ShouldBe("-m statistic --mode random --probability 0.33333333349");
    }

    [Test]
    public void Statistic_prints_probability_with_eleven_decimals()
    {
        MatchRules.SaveText("-m statistic --mode random --probability 0.5").ShouldBe("-m statistic --mode random --probability 0.50000000000");
        MatchRules.SaveText("-m statistic --mode random --probability 0.1").ShouldBe("-m statistic --mode random --probability 0.10000000009");
    }

    [Test]
    public void Statistic_reads_nth_mode()
    {
        var match = MatchRules.Single<StatisticMatch>("-m statistic --mode nth ! --every 3 --packet 1");
        match.Mode.ShouldBe("nth");
        match.Every.ShouldBe(3u);
        match.Packet.ShouldBe(1u);
        match.Probability.ShouldBeNull();
        match.IsNegated.ShouldBeTrue();
    }

    [TestCase("-m statistic --mode random")]
    [TestCase("-m statistic --mode nth --every 3")]
    [TestCase("-m statistic --mode nth --every 3 --packet 3")]
    [TestCase("-m statistic --mode random --probability 1.5")]
    [TestCase("-m statistic --mode sometimes --probability 0.5")]
    public void Statistic_rejects_what_iptables_rejects(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();

    [Test]
    public void Recent_fills_in_the_defaults_iptables_save_prints()
    {
        var match = MatchRules.Single<RecentMatch>("-m recent --set");
        match.Mode.ShouldBe("set");
        match.ListName.ShouldBe("DEFAULT");
        match.Mask.ShouldBe(IPAddress.Parse("255.255.255.255"));
        match.TracksDestination.ShouldBeFalse();
        match.Seconds.ShouldBeNull();
        match.HitCount.ShouldBeNull();
        match.ToString().ShouldBe("-m recent --set --name DEFAULT --mask 255.255.255.255 --rsource");
    }

    [Test]
    public void Recent_reads_an_update_with_time_and_hit_count()
    {
        var match = MatchRules.Single<RecentMatch>("-m recent ! --update --seconds 60 --hitcount 4 --rttl --name SSH --rdest --mask 255.255.255.0");
        match.Mode.ShouldBe("update");
        match.IsNegated.ShouldBeTrue();
        match.Seconds.ShouldBe(60u);
        match.HitCount.ShouldBe(4u);
        match.MatchesTtl.ShouldBeTrue();
        match.ListName.ShouldBe("SSH");
        match.TracksDestination.ShouldBeTrue();
        match.Mask.ShouldBe(IPAddress.Parse("255.255.255.0"));
        match.ToString().ShouldBe("-m recent ! --update --seconds 60 --hitcount 4 --rttl --name SSH --mask 255.255.255.0 --rdest");
    }

    [Test]
    public void Recent_IPv6_mask_defaults_to_all_ones() =>
        MatchRules.Single<RecentMatch>("-m recent --rcheck", IpFamily.IPv6).Mask.ShouldBe(IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));

    [TestCase("-m recent --name x")]
    [TestCase("-m recent --set --rcheck")]
    [TestCase("-m recent --set --rttl")]
    [TestCase("-m recent --rcheck --reap")]
    [TestCase("-m recent --set --seconds 10")]
    [TestCase("-m recent --rcheck --hitcount 65536")]
    public void Recent_rejects_what_iptables_or_the_kernel_rejects(string arguments) => MatchRules.Errors(arguments).ShouldNotBeEmpty();
}
