using IptablesPolicy.Core.Model;
using static IptablesPolicy.Core.Tests.Extensions.Targets.TargetParsing;

namespace IptablesPolicy.Core.Tests.Extensions.Targets;

/// <summary>Targets without a typed accessor: what people type becomes what iptables-save prints, and that reads back unchanged.</summary>
[TestFixture]
public sealed class TargetCanonicalFormTests
{
    private static readonly TestCaseData[] Cases =
    [
        Case("-j TOS --set-tos minimize-delay", "-j TOS --set-tos 0x10/0x3f", "mangle"),
        Case("-j TOS --and-tos 0x0f", "-j TOS --set-tos 0x00/0xf0", "mangle"),
        Case("-j DSCP --set-dscp-class af41", "-j DSCP --set-dscp 0x22", "mangle"),
        Case("-j DSCP --set-dscp 10", "-j DSCP --set-dscp 0x0a", "mangle"),
        Case("-j NFQUEUE --queue-cpu-fanout --queue-balance 2:", "-j NFQUEUE --queue-balance 2:65534 --queue-cpu-fanout", "filter", "INPUT"),
        Case("-j HMARK --hmark-tuple src,dst,sport,dport,proto --hmark-rnd 1 --hmark-mod 10", "-j HMARK --hmark-src-prefix 32 --hmark-dst-prefix 32 --hmark-sport-mask 0xffff --hmark-dport-mask 0xffff --hmark-proto-mask 0xffff --hmark-rnd 0x00000001 --hmark-mod 10", "mangle"),
        Case("-j HMARK --hmark-tuple ct,src --hmark-src-prefix 24 --hmark-rnd 0xfeed --hmark-mod 4", "-j HMARK --hmark-src-prefix 24 --hmark-rnd 0x0000feed --hmark-mod 4 --hmark-tuple ct", "mangle"),
        Case("-j HMARK --hmark-tuple src --hmark-rnd 1 --hmark-mod 2", "-j HMARK --hmark-src-prefix 128 --hmark-rnd 0x00000001 --hmark-mod 2", "mangle", family: IpFamily.IPv6),
        Case("-j RATEEST --rateest-name RE1 --rateest-interval 1s --rateest-ewmalog 4s", "-j RATEEST --rateest-name RE1 --rateest-interval 1.0s --rateest-ewmalog 4.0s", "filter", "INPUT"),
        Case("-j CLASSIFY --set-class 1:a", "-j CLASSIFY --set-class 0001:000a", "mangle", "POSTROUTING"),
        Case("-p tcp -j TPROXY --on-port http", "-j TPROXY --on-port 80 --on-ip :: --tproxy-mark 0x0/0x0", "mangle", family: IpFamily.IPv6),
        Case("-p udp -j TPROXY --on-port 53 --tproxy-mark 0x1", "-j TPROXY --on-port 53 --on-ip 0.0.0.0 --tproxy-mark 0x1/0xffffffff", "mangle"),
        Case("-j LED --led-trigger-id ssh --led-delay 0", "-j LED --led-trigger-id \"ssh\"", "filter", "INPUT"),
        Case("-j TEE --oif eth1 --gateway 192.0.2.1", "-j TEE --gateway 192.0.2.1 --oif eth1", "mangle"),
        Case("-p tcp -j SYNPROXY --ecn --mss 1460 --sack-perm", "-j SYNPROXY --sack-perm --mss 1460 --ecn", "filter", "INPUT"),
        Case("-j IDLETIMER --alarm --label web --timeout 60", "-j IDLETIMER --timeout 60 --label web --alarm", "filter", "INPUT"),
        Case("-j AUDIT --type DROP", "-j AUDIT --type drop", "filter", "INPUT"),
        Case("-p tcp -j TCPOPTSTRIP --strip-options timestamp,mss,sack-permitted", "-j TCPOPTSTRIP --strip-options 2,4,8", "mangle"),
        Case("-j SET --del-set blocked src --add-set seen src,dst --exist", "-j SET --add-set seen src,dst --exist --del-set blocked src", "filter", "INPUT"),
        Case("-j NETMAP --to 10.1.2.3/24", "-j NETMAP --to 10.1.2.0/24", "nat"),
        Case("-j CONNSECMARK --save", "-j CONNSECMARK --save", "security", "INPUT"),
        Case("-j SECMARK --selctx system_u:object_r:http_packet_t:s0", "-j SECMARK --selctx system_u:object_r:http_packet_t:s0", "mangle"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Typed_target_saves_in_canonical_form(string arguments, string saved, string table, string chain, IpFamily family)
    {
        Saved(arguments, table, chain, family).ShouldBe(saved);
    }

    [TestCaseSource(nameof(Cases))]
    public void Canonical_target_reads_back_unchanged(string arguments, string saved, string table, string chain, IpFamily family)
    {
        var prefix = arguments.StartsWith("-p ", StringComparison.Ordinal) ? arguments[..arguments.IndexOf(" -j ", StringComparison.Ordinal)] + " " : string.Empty;
        Saved(prefix + saved, table, chain, family).ShouldBe(saved);
    }

    private static TestCaseData Case(string arguments, string saved, string table, string chain = "PREROUTING", IpFamily family = IpFamily.IPv4) =>
        new TestCaseData(arguments, saved, table, chain, family).SetArgDisplayNames(arguments);
}
