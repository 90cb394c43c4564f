using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>Damaged listings: each problem is a diagnostic at its line, and nothing that could be read is lost.</summary>
[TestFixture]
public sealed class ListingBadInputTests
{
    private const string Header = "Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\n";

    private static Snapshot Read(string text) => SnapshotReader.Parse(text, "listing.txt", SnapshotFormat.Listing);

    private static IEnumerable<ParseDiagnostic> Of(Snapshot snapshot, DiagnosticSeverity severity) =>
        snapshot.Diagnostics.Where(d => d.Severity == severity);

    [Test]
    public void Listing_cut_mid_row_reports_the_cut_line_and_keeps_the_rows_above()
    {
        var snapshot = Read(Header + "ACCEPT     tcp  --  anywhere             anywhere             tcp dpt:ssh\nDROP       all  --  anywh");
        var error = Of(snapshot, DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Span.Line.ShouldBe(4);
        error.Message.ShouldContain("incomplete rule row");
        snapshot.Rules.ShouldHaveSingleItem().Text.ShouldBe("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT");
    }

    [Test]
    public void Chain_headers_without_rules_give_empty_chains_and_no_diagnostic()
    {
        var snapshot = Read("Chain KUBE-A (1 references)\nChain KUBE-B (0 references)\n target     prot opt source               destination\n");
        snapshot.Diagnostics.ShouldBeEmpty();
        var table = snapshot.Tables.ShouldHaveSingleItem();
        table.FindChain("KUBE-A")!.Rules.ShouldBeEmpty();
        table.FindChain("KUBE-B")!.Rules.ShouldBeEmpty();
    }

    [Test]
    public void Two_tables_pasted_one_after_the_other_become_two_snapshots()
    {
        var text = Header + "ACCEPT     all  --  anywhere             anywhere\n\n"
            + "Chain PREROUTING (policy ACCEPT)\ntarget     prot opt source               destination\nDNAT       tcp  --  anywhere             anywhere             tcp dpt:http to:10.0.0.1:80\n\n"
            + "Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\n\n"
            + "Chain POSTROUTING (policy ACCEPT)\ntarget     prot opt source               destination\nMASQUERADE  all  --  anywhere             anywhere\n";
        var snapshots = SnapshotReader.ReadText(text, "two.txt", SnapshotFormat.Listing);
        snapshots.Count.ShouldBe(2);
        snapshots[0].Tables.ShouldHaveSingleItem().Name.ShouldBe("nat");
        snapshots[1].StartLine.ShouldBe(9);
        snapshots[1].Tables.ShouldHaveSingleItem().Name.ShouldBe("nat");
        snapshots.ShouldAllBe(s => s.Unknown.Contains("table"));
        snapshots[0].Rules.Select(r => r.Text).ShouldBe(["-A INPUT -j ACCEPT", "-A PREROUTING -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.0.0.1:80"], ignoreOrder: true);
    }

    [Test]
    public void Wrapped_row_is_joined_with_a_warning()
    {
        var snapshot = Read(Header + "KUBE-SERVICES  all  --  anywhere             anywhere             ctstate NEW /* kubernetes\nservice portals */\n");
        var warning = Of(snapshot, DiagnosticSeverity.Warning).ShouldHaveSingleItem();
        warning.Span.Line.ShouldBe(4);
        warning.Message.ShouldContain("wrapped");
        snapshot.Rules.ShouldHaveSingleItem().Text.ShouldBe("-A INPUT -m conntrack --ctstate NEW -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
    }

    [Test]
    public void Long_target_names_shift_the_columns_without_breaking_the_row()
    {
        var snapshot = Read("Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n pkts bytes target     prot opt in     out     source               destination\n"
            + "   47  2820 KUBE-EXTERNAL-SERVICES  all  --  *      eth0    10.0.0.0/8           0.0.0.0/0            ctstate NEW\n"
            + "    0     0            tcp  --  eni+   *       0.0.0.0/0            0.0.0.0/0            tcp dpt:1\n");
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Rules.Select(r => r.Text).ShouldBe(
        [
            "-A INPUT -s 10.0.0.0/8 -o eth0 -m conntrack --ctstate NEW -j KUBE-EXTERNAL-SERVICES",
            "-A INPUT -i eni+ -p tcp -m tcp --dport 1",
        ]);
        snapshot.Rules.First().Counters.ShouldBe(new Counters(47, 2820));
    }

    [Test]
    public void Unknown_match_text_is_kept_raw_with_a_warning_at_its_column()
    {
        var row = "ACCEPT     all  --  anywhere             anywhere             frobnicate level 3 /* kept */";
        var snapshot = Read(Header + row + "\n");
        var warning = Of(snapshot, DiagnosticSeverity.Warning).ShouldHaveSingleItem();
        warning.Span.Line.ShouldBe(3);
        warning.Span.StartColumn.ShouldBe(row.IndexOf("frobnicate", StringComparison.Ordinal) + 1);
        warning.Message.ShouldContain("'frobnicate level 3' was not understood");
        var rule = snapshot.Rules.ShouldHaveSingleItem();
        rule.Text.ShouldBe("-A INPUT -m listing-text --text \"frobnicate level 3\" -m comment --comment kept -j ACCEPT");
        rule.Matches[0].IsKnown.ShouldBeFalse();
    }

    [Test]
    public void A_line_that_is_not_a_row_is_an_error_at_its_line()
    {
        var snapshot = Read(Header + "\nthis is prose, not a rule\n");
        var error = Of(snapshot, DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Span.Line.ShouldBe(4);
        error.Message.ShouldContain("not a rule row");
    }

    [Test]
    public void Missing_line_numbers_are_reported()
    {
        var snapshot = Read("Chain INPUT (policy DROP)\nnum  target     prot opt source               destination\n1    ACCEPT     all  --  anywhere             anywhere\n3    DROP       all  --  anywhere             anywhere\n");
        Of(snapshot, DiagnosticSeverity.Warning).ShouldHaveSingleItem().Message.ShouldContain("rule number 3 but this is rule 2");
        snapshot.Rules.Count().ShouldBe(2);
        snapshot.Tables[0].FindChain("INPUT")!.Policy.ShouldBe("DROP");
    }

    [Test]
    public void Listing_without_v_marks_interfaces_unknown_and_with_v_reads_them()
    {
        Read(Header + "ACCEPT     all  --  anywhere             anywhere\n").Rules.Single().Unknown.ShouldBe(["inInterface", "outInterface"], ignoreOrder: true);
        var verbose = Read("Chain INPUT (policy ACCEPT 12 packets, 720 bytes)\n pkts bytes target     prot opt in     out     source               destination\n 1234  397M ACCEPT     all  --  !eth0  *       0.0.0.0/0            0.0.0.0/0\n");
        var rule = verbose.Rules.Single();
        rule.Unknown.ShouldBeEmpty();
        rule.InInterface.ShouldBe(new Negatable<string>("eth0", true));
        rule.Counters.ShouldBe(new Counters(1234, 397_000_000));
        verbose.Tables[0].FindChain("INPUT")!.PolicyCounters.ShouldBe(new Counters(12, 720));
    }

    [Test]
    public void Host_names_that_cannot_be_mapped_back_are_kept_as_names_and_unknown()
    {
        var rule = Read(Header + "ACCEPT     all  --  db.example.com       anywhere\n").Rules.Single();
        rule.Source!.Value.Value.HostName.ShouldBe("db.example.com");
        rule.Source!.Value.Value.Address.ShouldBeNull();
        rule.Unknown.ShouldContain("source");
    }

    [Test]
    public void Hashlimit_without_its_name_is_kept_as_shown_and_unknown()
    {
        var snapshot = Read(Header + "ACCEPT     all  --  anywhere             anywhere             /* a */ limit: up to 50/sec burst 20 mode srcip /* b */\n");
        Of(snapshot, DiagnosticSeverity.Error).ShouldBeEmpty();
        Of(snapshot, DiagnosticSeverity.Warning).ShouldHaveSingleItem().Message.ShouldContain("--hashlimit-name");
        var rule = snapshot.Rules.ShouldHaveSingleItem();
        rule.Matches.Select(m => (m.Name, m.IsKnown)).ShouldBe([("comment", true), ("hashlimit", false), ("comment", true)]);
        rule.Text.ShouldBe("-A INPUT -m comment --comment a -m hashlimit --hashlimit-upto 50/sec --hashlimit-burst 20 --hashlimit-mode srcip -m comment --comment b -j ACCEPT");
    }

    [Test]
    public void Old_ip6tables_listing_with_a_blank_opt_column_is_read()
    {
        var text = "root@host:~# ip6tables -L\nChain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\n"
            + "ACCEPT     all      anywhere             anywhere             state RELATED,ESTABLISHED\n"
            + "ACCEPT     ipv6-icmp    anywhere             anywhere\n"
            + "DROP       tcp      2001:db8::/32        anywhere             tcp dpt:ssh\n";
        var snapshot = SnapshotReader.ReadText(text, "old.txt").ShouldHaveSingleItem();
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Family.ShouldBe(IpFamily.IPv6);
        snapshot.Rules.Select(r => r.Text).ShouldBe(
        [
            "-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT",
            "-A INPUT -p ipv6-icmp -j ACCEPT",
            "-A INPUT -s 2001:db8::/32 -p tcp -m tcp --dport 22 -j DROP",
        ]);
    }

    [Test]
    public void Nft_warning_lines_set_targets_and_notrack_are_read()
    {
        // As iptables-nft 1.8.9 prints them (the warning goes to stderr, which a terminal paste mixes in).
        var snapshot = Read("# Warning: iptables-legacy tables present, use iptables-legacy to see them\n"
            + "Chain PREROUTING (policy ACCEPT)\ntarget     prot opt source               destination\n"
            + "SET        all  --  anywhere             anywhere             add-set myset src exist timeout 60\n"
            + "CT         all  --  anywhere             anywhere             NOTRACK\n");
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Tables.ShouldHaveSingleItem().Name.ShouldBe("raw");
        snapshot.Rules.Select(r => r.Text).ShouldBe(["-A PREROUTING -j SET --add-set myset src --exist --timeout 60", "-A PREROUTING -j NOTRACK"]);
    }

    [Test]
    public void A_command_names_the_table_only_of_the_output_right_below_it()
    {
        var text = "user@host:~$ iptables -t nat -L\nsome output we did not paste\n\n" + Header + "ACCEPT     all  --  anywhere             anywhere\n";
        var snapshot = SnapshotReader.ReadText(text, "notes.md").ShouldHaveSingleItem();
        snapshot.Tables.ShouldHaveSingleItem().Name.ShouldBe("filter");
        snapshot.Unknown.ShouldContain("table");
    }
}
