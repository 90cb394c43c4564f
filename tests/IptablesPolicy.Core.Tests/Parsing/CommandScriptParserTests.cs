using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Tests.Parsing;

/// <summary>A shell script of iptables commands is a snapshot format too.</summary>
[TestFixture]
public sealed class CommandScriptParserTests
{
    private const string Script = """
        #!/bin/sh
        set -e
        iptables -F
        iptables -P INPUT DROP
        iptables -N LOGDROP
        iptables -A LOGDROP -j LOG --log-prefix 'dropped: '
        iptables -A LOGDROP -j DROP
        iptables -A INPUT -i lo -j ACCEPT
        iptables -A INPUT -p tcp --destination-port 22 -s ! 10.0.0.0/8 -j LOGDROP
        iptables -A INPUT -p 6 --sport 1024: -j ACCEPT
        sudo /usr/sbin/iptables -t nat -A POSTROUTING -o eth0 \
            -j MASQUERADE
        ip6tables -A INPUT -s 2001:db8::/32 -j DROP
        echo done
        """;

    [Test]
    public void Builds_one_snapshot_per_family_from_the_commands()
    {
        var snapshots = SnapshotReader.ReadText(Script, "firewall.sh");
        snapshots.Select(s => (s.Format, s.Family)).ShouldBe([(SnapshotFormat.Commands, IpFamily.IPv4), (SnapshotFormat.Commands, IpFamily.IPv6)]);
        var ipv4 = snapshots[0];
        ipv4.Tables.Select(t => t.Name).ShouldBe(["filter", "nat"]);
        ipv4.FindTable("filter")!.FindChain("INPUT")!.Policy.ShouldBe("DROP");
        snapshots[1].Rules.Single().Text.ShouldBe("-A INPUT -s 2001:db8::/32 -j DROP");
    }

    [Test]
    public void Canonicalizes_aliases_numeric_protocols_open_ranges_and_intrapositioned_negation_in_save_order()
    {
        var rules = SnapshotReader.ReadText(Script, "firewall.sh")[0].Rules.Select(r => r.Text).ToList();
        rules.ShouldBe(
        [
            "-A INPUT -i lo -j ACCEPT",
            "-A INPUT ! -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j LOGDROP",
            "-A INPUT -p tcp -m tcp --sport 1024:65535 -j ACCEPT",
            "-A LOGDROP -j LOG --log-prefix \"dropped: \"",
            "-A LOGDROP -j DROP",
            "-A POSTROUTING -o eth0 -j MASQUERADE",
        ]);
    }

    [Test]
    public void Warns_about_the_deprecated_intrapositioned_negation_at_its_column()
    {
        var snapshot = SnapshotReader.ReadText(Script, "firewall.sh")[0];
        var warning = snapshot.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Span.Line.ShouldBe(9);
        warning.Message.ShouldContain("deprecated");
    }

    [Test]
    public void Joined_continuation_lines_keep_the_first_line_number()
    {
        var snapshot = SnapshotReader.ReadText(Script, "firewall.sh")[0];
        snapshot.FindTable("nat")!.Rules.Single().Span.Line.ShouldBe(11);
    }
}
