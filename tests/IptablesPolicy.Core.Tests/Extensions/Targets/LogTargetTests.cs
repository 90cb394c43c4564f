using IptablesPolicy.Core.Model.Targets;
using static IptablesPolicy.Core.Tests.Extensions.Targets.TargetParsing;

namespace IptablesPolicy.Core.Tests.Extensions.Targets;

[TestFixture]
public sealed class LogTargetTests
{
    [Test]
    public void Log_reads_prefix_level_and_flags_and_saves_the_level_as_a_number()
    {
        var log = Target<LogTarget>("-j LOG --log-uid --log-level info --log-prefix \"DROP: \"", table: "filter", chain: "INPUT");
        log.Prefix.ShouldBe("DROP: ");
        log.Level.ShouldBe(6);
        log.Flags.ShouldBe(LogFlags.Uid);
        log.ToString().ShouldBe("-j LOG --log-prefix \"DROP: \" --log-level 6 --log-uid");
    }

    [Test]
    public void Log_defaults_to_level_4_which_is_not_saved()
    {
        var log = Target<LogTarget>("-j LOG --log-level warning --log-tcp-options --log-ip-options", table: "filter", chain: "INPUT");
        log.Level.ShouldBe(4);
        log.Prefix.ShouldBeNull();
        log.Flags.ShouldBe(LogFlags.TcpOptions | LogFlags.IpOptions);
        log.ToString().ShouldBe("-j LOG --log-tcp-options --log-ip-options");
    }

    [Test]
    public void A_log_prefix_is_cut_to_29_bytes_as_the_kernel_holds_it()
    {
        var log = Target<LogTarget>("-j LOG --log-prefix 0123456789abcdefghijklmnopqrstuvwxyz", table: "filter", chain: "INPUT");
        log.Prefix.ShouldBe("0123456789abcdefghijklmnopqrs");
    }

    [TestCase("-j LOG --log-level bad", "unknown log level")]
    [TestCase("-j LOG --log-level 8", "unknown log level")]
    [TestCase("-j LOG --log-prefix \"\"", "is empty")]
    public void Invalid_log_options_are_rejected(string arguments, string message)
    {
        Errors(arguments, table: "filter", chain: "INPUT").ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }

    [Test]
    public void Nflog_reads_group_prefix_size_and_threshold_and_saves_them_in_order()
    {
        var nflog = Target<NflogTarget>("-j NFLOG --nflog-threshold 10 --nflog-size 128 --nflog-group 5 --nflog-prefix trace", table: "filter", chain: "INPUT");
        nflog.Group.ShouldBe(5);
        nflog.Prefix.ShouldBe("trace");
        nflog.CopyLength.ShouldBe(128u);
        nflog.Threshold.ShouldBe(10);
        nflog.ToString().ShouldBe("-j NFLOG --nflog-prefix trace --nflog-group 5 --nflog-size 128 --nflog-threshold 10");
    }

    [Test]
    public void Nflog_defaults_are_not_saved()
    {
        var nflog = Target<NflogTarget>("-j NFLOG --nflog-group 0 --nflog-threshold 0", table: "filter", chain: "INPUT");
        (nflog.Group, nflog.Threshold).ShouldBe((0, 0));
        nflog.CopyLength.ShouldBeNull();
        nflog.ToString().ShouldBe("-j NFLOG");
    }
}
