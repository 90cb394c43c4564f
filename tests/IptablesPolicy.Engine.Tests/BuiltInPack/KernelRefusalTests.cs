using IptablesPolicy.Core;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>
/// IPT2006's causes that this project's parser also flags as errors while reading (the rule is kept), all of them
/// (<c>policies/IPT2006/fixtures</c> holds the tcp-reset ones, with an expectation above each flagged line).
/// Each was restored for real into a network namespace (iptables 1.8.9, nft and legacy) and refused by the kernel;
/// all but the NAT-ports case pass <c>iptables-restore --test</c>.
/// </summary>
[TestFixture]
public sealed class KernelRefusalTests
{
    private static readonly Dictionary<string, string> Heads = new()
    {
        ["filter"] = ":INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]",
        ["nat"] = ":PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]",
        ["mangle"] = ":PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]",
    };

    private static string[] Ipt2006(string table, string rule)
    {
        var text = $"*{table}\n{Heads[table]}\n{rule}\nCOMMIT\n";
        var rulesLine = Heads[table].Split('\n').Length + 2;
        return Pack.Check(SnapshotReader.ReadText(text, "refused.v4")).Findings
            .Where(f => f.Id == "IPT2006")
            .Select(f => $"{(f.Span.Line == rulesLine ? "" : $"line {f.Span.Line}: ")}{f.Message}")
            .ToArray();
    }

    [TestCase("filter", "-A INPUT -j REJECT --reject-with tcp-reset", "REJECT --reject-with tcp-reset needs -p tcp")]
    [TestCase("filter", "-A INPUT -p udp -m udp --dport 53 -j REJECT --reject-with tcp-reset", "REJECT --reject-with tcp-reset needs -p tcp")]
    [TestCase("filter", "-A INPUT ! -p tcp -j REJECT --reject-with tcp-reset", "REJECT --reject-with tcp-reset needs -p tcp")]
    [TestCase("filter", "-A INPUT -m conntrack --ctstate INVALID,UNTRACKED -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460", "SYNPROXY is only valid with -p tcp")]
    [TestCase("mangle", "-A PREROUTING -j TPROXY --on-port 8080 --on-ip 0.0.0.0 --tproxy-mark 0x1/0x1", "TPROXY needs -p tcp or -p udp")]
    [TestCase("mangle", "-A POSTROUTING -p udp -j TCPOPTSTRIP --strip-options sack-permitted", "TCPOPTSTRIP is only valid with -p tcp")]
    [TestCase("mangle", "-A FORWARD -j TCPMSS --set-mss 1400", "TCPMSS is only valid with -p tcp")]
    [TestCase("nat", "-A PREROUTING -d 192.0.2.1/32 -j DNAT --to-destination 10.0.0.2:80", "DNAT with ports needs -p tcp, udp, sctp or dccp")]
    [TestCase("nat", "-A PREROUTING -j REDIRECT --to-ports 3128", "REDIRECT with ports needs -p tcp, udp, sctp or dccp")]
    [TestCase("nat", "-A POSTROUTING -j MASQUERADE --to-ports 1024-2000", "MASQUERADE with ports needs -p tcp, udp, sctp or dccp")]
    [TestCase("nat", "-A POSTROUTING -j SNAT --to-source 1.2.3.4:1000-2000", "SNAT with ports needs -p tcp, udp, sctp or dccp")]
    public void Refused_rule_is_reported_at_its_line(string table, string rule, string messagePart) =>
        Ipt2006(table, rule).ShouldHaveSingleItem().ShouldContain(messagePart);

    [TestCase("filter", "-A INPUT -p 6 -j REJECT --reject-with tcp-reset")]
    [TestCase("nat", "-A PREROUTING -p icmp -j DNAT --to-destination 10.0.0.1:80")]
    [TestCase("nat", "-A POSTROUTING ! -p tcp -j SNAT --to-source 1.2.3.4")]
    [TestCase("nat", "-A PREROUTING -d 192.0.2.1/32 -j DNAT --to-destination fd00::1")]
    public void Accepted_rule_is_not_reported(string table, string rule) =>
        Ipt2006(table, rule).ShouldBeEmpty();
}
