using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Tests.Parsing;

[TestFixture]
public sealed class SaveFormatParserTests
{
    private const string Header = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [12:720]\n:OUTPUT ACCEPT [0:0]\n:KUBE-SVC-X - [0:0]\n";

    private static Rule ParseRule(string rule, string table = "filter")
    {
        var text = table == "filter" ? Header + rule + "\nCOMMIT\n" : $"*{table}\n{rule}\nCOMMIT\n";
        var snapshot = SnapshotReader.Parse(text, "rules.v4");
        snapshot.Diagnostics.ShouldBeEmpty();
        return snapshot.Rules.ShouldHaveSingleItem();
    }

    [Test]
    public void Reads_tables_chains_policies_and_counters()
    {
        var snapshot = SnapshotReader.Parse(Header + "[3:180] -A INPUT -j KUBE-SVC-X\nCOMMIT\n", "rules.v4");
        var table = snapshot.Tables.ShouldHaveSingleItem();
        table.Name.ShouldBe("filter");
        table.Chains.Select(c => c.Name).ShouldBe(["INPUT", "FORWARD", "OUTPUT", "KUBE-SVC-X"]);
        var forward = table.FindChain("FORWARD").ShouldNotBeNull();
        forward.IsBuiltIn.ShouldBeTrue();
        forward.Policy.ShouldBe("DROP");
        forward.PolicyCounters.ShouldBe(new Counters(12, 720));
        forward.Span.ShouldBe(new SourceSpan("rules.v4", 3, 2, 9));
        table.FindChain("KUBE-SVC-X")!.IsBuiltIn.ShouldBeFalse();
        var rule = snapshot.Rules.ShouldHaveSingleItem();
        rule.Counters.ShouldBe(new Counters(3, 180));
        rule.Span.Line.ShouldBe(6);
        rule.Span.StartColumn.ShouldBe(9);
        rule.Target.Kind.ShouldBe(TargetKind.Jump);
        rule.Text.ShouldBe("-A INPUT -j KUBE-SVC-X");
    }

    [Test]
    public void Reads_the_common_fields_with_negation()
    {
        var rule = ParseRule("-A FORWARD ! -s 10.244.0.0/16 -d 10.0.91.63/32 -i eni+ ! -o eth0 ! -p tcp -f -j ACCEPT");
        rule.Source.ShouldBe(new Negatable<AddressSpec>(AddressSpec.TryParse("10.244.0.0/16")!, true));
        rule.Source!.Value.Value.Network.ShouldBe(System.Net.IPNetwork.Parse("10.244.0.0/16"));
        rule.Destination!.Value.ToString().ShouldBe("10.0.91.63/32");
        rule.InInterface.ShouldBe(new Negatable<string>("eni+", false));
        rule.OutInterface.ShouldBe(new Negatable<string>("eth0", true));
        rule.Protocol.ShouldBe(new Negatable<string>("tcp", true));
        rule.Fragment.ShouldBe(FragmentFilter.NonFirstFragmentsOnly);
        rule.Target.Kind.ShouldBe(TargetKind.Verdict);
    }

    [Test]
    public void Parses_comment_with_escaped_quotes()
    {
        var rule = ParseRule("-A INPUT -m comment --comment \"a \\\"b\\\" c\" -j ACCEPT");
        rule.Match<CommentMatch>().ShouldNotBeNull().Text.ShouldBe("a \"b\" c");
        rule.Text.ShouldBe("-A INPUT -m comment --comment \"a \\\"b\\\" c\" -j ACCEPT");
    }

    [Test]
    public void Keeps_log_prefix_with_trailing_space_quoted()
    {
        var rule = ParseRule("-A INPUT -j LOG --log-prefix \"[fw] \"");
        rule.Text.ShouldBe("-A INPUT -j LOG --log-prefix \"[fw] \"");
        rule.Target.Options.ShouldHaveSingleItem().Value.ShouldBe("[fw] ");
    }

    [Test]
    public void Keeps_unknown_extensions_with_their_exact_option_text()
    {
        var rule = ParseRule("-A INPUT -m frobnicate --level 3 --mode \"a b\" ! --flag -j FROB --frob-with x y");
        rule.Matches.ShouldHaveSingleItem().IsKnown.ShouldBeFalse();
        rule.Target.IsKnown.ShouldBeFalse();
        rule.Target.Kind.ShouldBe(TargetKind.Extension);
        rule.Text.ShouldBe("-A INPUT -m frobnicate --level 3 --mode \"a b\" ! --flag -j FROB --frob-with x y");
    }

    [Test]
    public void Reads_goto_targets()
    {
        var rule = ParseRule("-A INPUT -g KUBE-SVC-X");
        rule.Target.Kind.ShouldBe(TargetKind.Goto);
        rule.Text.ShouldBe("-A INPUT -g KUBE-SVC-X");
    }

    [Test]
    public void Reads_typed_tcp_ports_and_reject()
    {
        var rule = ParseRule("-A INPUT -p tcp -m tcp --sport 1024:65535 ! --dport 22 -j REJECT --reject-with tcp-reset");
        var ports = rule.Match<PortMatch>().ShouldNotBeNull();
        ports.SourcePorts.ShouldBe(new Negatable<PortRange>(new PortRange(1024, 65535), false));
        ports.DestinationPorts.ShouldBe(new Negatable<PortRange>(new PortRange(22, 22), true));
        rule.Target.ShouldBeOfType<RejectTarget>().RejectWith.ShouldBe("tcp-reset");
    }

    [TestCase("filter")]
    [TestCase("nat")]
    [TestCase("mangle")]
    [TestCase("raw")]
    [TestCase("security")]
    public void Reads_every_table(string table)
    {
        var chain = BuiltInChains.Of(table)[0];
        var snapshot = SnapshotReader.Parse($"*{table}\n:{chain} ACCEPT [0:0]\n-A {chain} -j ACCEPT\nCOMMIT\n");
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.FindTable(table).ShouldNotBeNull().FindChain(chain).ShouldNotBeNull().Rules.Count.ShouldBe(1);
    }

    [Test]
    public void Takes_the_family_from_the_ip6tables_save_header()
    {
        var snapshot = SnapshotReader.Parse("# Generated by ip6tables-save v1.8.9 on Tue\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j REJECT\nCOMMIT\n");
        snapshot.Family.ShouldBe(IpFamily.IPv6);
        snapshot.Rules.Single().Text.ShouldBe("-A INPUT -j REJECT --reject-with icmp6-port-unreachable");
    }

    [Test]
    public void Reads_only_the_lines_of_its_family_among_dash_4_and_dash_6_lines()
    {
        var snapshot = SnapshotReader.Parse("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.0.0.1/32 -j ACCEPT\n-6 -A INPUT -s ::1/128 -j ACCEPT\n-4 -A INPUT -d 10.0.0.2/32 -j DROP\nCOMMIT\n");
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Rules.Select(r => r.Text).ShouldBe(["-A INPUT -s 10.0.0.1/32 -j ACCEPT", "-A INPUT -d 10.0.0.2/32 -j DROP"]);
    }

    [Test]
    public void Reads_iptables_dash_S_output()
    {
        var snapshot = SnapshotReader.Parse("-P INPUT DROP\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N KUBE-FIREWALL\n-A INPUT -j KUBE-FIREWALL\n-A KUBE-FIREWALL -m mark --mark 0x8000/0x8000 -j DROP\n");
        snapshot.Format.ShouldBe(SnapshotFormat.RuleSpecs);
        snapshot.Diagnostics.ShouldBeEmpty();
        var table = snapshot.Tables.ShouldHaveSingleItem();
        table.Name.ShouldBe("filter");
        snapshot.Unknown.ShouldContain("table");
        table.FindChain("INPUT")!.Policy.ShouldBe("DROP");
        table.FindChain("KUBE-FIREWALL")!.Span!.Value.Line.ShouldBe(4);
        snapshot.Rules.Count().ShouldBe(2);
    }

    [Test]
    public void Reads_bare_dash_A_lines_as_grep_prints_them_and_infers_the_nat_table()
    {
        var snapshot = SnapshotReader.Parse(
            "-A KUBE-SEP-RPYTXMYI33B6SF5E -s 10.244.0.13/32 -m comment --comment \"default/nginx\" -j KUBE-MARK-MASQ\n" +
            "-A KUBE-SEP-RPYTXMYI33B6SF5E -p tcp -m comment --comment \"default/nginx\" -m tcp -j DNAT --to-destination 10.244.0.13:80\n");
        snapshot.Format.ShouldBe(SnapshotFormat.SaveFragment);
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Tables.ShouldHaveSingleItem().Name.ShouldBe("nat");
        snapshot.Unknown.ShouldBe(["table"]);
        snapshot.Rules.Count().ShouldBe(2);
        snapshot.Rules.First().Chain.Span.ShouldBeNull();
    }

    [Test]
    public void Inserts_rules_at_their_position()
    {
        var snapshot = SnapshotReader.Parse(Header + "-A INPUT -j DROP\n-I INPUT -j ACCEPT\n-I INPUT 2 -p udp -j ACCEPT\nCOMMIT\n");
        snapshot.Rules.Select(r => (r.Position, r.Text)).ShouldBe([(1, "-A INPUT -j ACCEPT"), (2, "-A INPUT -p udp -j ACCEPT"), (3, "-A INPUT -j DROP")]);
    }

    [Test]
    public void Renders_rule_fields_in_iptables_save_order_whatever_the_input_order()
    {
        var rule = ParseRule("-A INPUT -p tcp -j ACCEPT -i eth0 -s 10.0.0.1");
        rule.Text.ShouldBe("-A INPUT -s 10.0.0.1/32 -i eth0 -p tcp -j ACCEPT");
    }
}
