namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>Comment lines between listing lines (policy fixtures' expectations) are skipped without ending the listing.</summary>
[TestFixture]
public sealed class ListingCommentLineTests
{
    private const string Listing = """
        # test-policies: X
        Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
         pkts bytes target     prot opt in     out     source               destination
        # expect: X
            0     0 DROP       tcp  --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:23
        # ok: X
            0     0 ACCEPT     tcp  --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:22

        # expect: X
        Chain FORWARD (policy DROP 0 packets, 0 bytes)
         pkts bytes target     prot opt in     out     source               destination
        """;

    [Test]
    public void Comment_lines_between_rows_keep_every_row_at_its_own_line()
    {
        var snapshots = SnapshotReader.ReadText(Listing, "fixture.txt");

        var snapshot = snapshots.ShouldHaveSingleItem();
        snapshot.Diagnostics.ShouldBeEmpty();
        var rules = snapshot.Rules.ToArray();
        rules.Select(r => (r.Span.Line, r.Text)).ShouldBe(
        [
            (5, "-A INPUT -p tcp -m tcp --dport 23 -j DROP"),
            (7, "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT"),
        ]);
        snapshot.Tables.Single().FindChain("FORWARD")!.Span!.Value.Line.ShouldBe(10);
    }

    [Test]
    public void A_shell_prompt_still_ends_the_listing_and_names_the_next_table()
    {
        var text = Listing + "\nroot@node:~# iptables -t nat -L -n\nChain PREROUTING (policy ACCEPT)\ntarget     prot opt source               destination\n";

        var snapshots = SnapshotReader.ReadText(text, "notes.txt");

        snapshots.Count.ShouldBe(2);
        snapshots[1].Tables.Single().Name.ShouldBe("nat");
    }
}
