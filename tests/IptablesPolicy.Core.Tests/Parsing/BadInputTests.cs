using System.Text;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Tests.Parsing;

/// <summary>Bad input gets a diagnostic at its file, line and column, and never loses what could be read.</summary>
[TestFixture]
public sealed class BadInputTests
{
    private const string Good = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n";

    private static ParseDiagnostic SingleError(Snapshot snapshot) =>
        snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();

    [Test]
    public void Truncated_file_reports_the_missing_commit_and_keeps_the_rules()
    {
        var snapshot = SnapshotReader.Parse(Good, "cut.v4");
        var error = SingleError(snapshot);
        error.Message.ShouldContain("missing COMMIT");
        error.Span.Path.ShouldBe("cut.v4");
        error.Span.Line.ShouldBe(3);
        snapshot.Rules.Count().ShouldBe(1);
        snapshot.Tables.ShouldHaveSingleItem().IsTruncated.ShouldBeTrue();
    }

    [Test]
    public void Pasted_save_output_cut_before_commit_is_a_warning_and_its_table_is_truncated()
    {
        var text = "Node dump from the incident:\n\n```\nroot@node:~# iptables-save\n" + Good + "```\n\nThat is all we captured.\n";

        var snapshot = SnapshotReader.ReadText(text, "notes.md").ShouldHaveSingleItem();

        var warning = snapshot.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Span.Line.ShouldBe(7);
        warning.Message.ShouldContain("stops here without COMMIT");
        snapshot.Tables.ShouldHaveSingleItem().IsTruncated.ShouldBeTrue();
        snapshot.Rules.ShouldHaveSingleItem().Text.ShouldBe("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT");
    }

    [Test]
    public void A_committed_table_is_not_truncated()
    {
        SnapshotReader.Parse(Good + "COMMIT\n").Tables.ShouldHaveSingleItem().IsTruncated.ShouldBeFalse();
    }

    [Test]
    public void Table_header_before_commit_is_reported_and_both_tables_are_kept()
    {
        var snapshot = SnapshotReader.Parse(Good + "*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j ACCEPT\nCOMMIT\n");
        var error = SingleError(snapshot);
        error.Span.Line.ShouldBe(4);
        error.Message.ShouldContain("expected COMMIT");
        snapshot.Tables.Select(t => t.Name).ShouldBe(["filter", "nat"]);
        snapshot.Rules.Count().ShouldBe(2);
        snapshot.Tables.Select(t => t.IsTruncated).ShouldBe([true, false]);
    }

    [Test]
    public void Unknown_table_is_reported_at_its_name()
    {
        var snapshot = SnapshotReader.Parse("*filtre\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
        var error = SingleError(snapshot);
        error.Message.ShouldBe("unknown table 'filtre': expected filter, nat, mangle, raw or security");
        error.Span.ShouldBe(new SourceSpan("<text>", 1, 2, 8));
    }

    [Test]
    public void Rule_before_any_table_header_is_reported_and_the_rest_is_read()
    {
        var snapshot = SnapshotReader.Parse("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n-A INPUT -j DROP\n" + Good + "COMMIT\n", format: SnapshotFormat.Save);
        var error = SingleError(snapshot);
        error.Span.Line.ShouldBe(4);
        error.Message.ShouldContain("before any table header");
        snapshot.Rules.ShouldHaveSingleItem().Span.Line.ShouldBe(7);
    }

    [Test]
    public void Unterminated_quote_is_reported_at_the_quote()
    {
        var snapshot = SnapshotReader.Parse(Good + "-A INPUT -m comment --comment \"open -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n");
        var error = SingleError(snapshot);
        error.Span.Line.ShouldBe(4);
        error.Span.StartColumn.ShouldBe(31);
        error.Message.ShouldContain("unterminated quote");
        snapshot.Rules.Select(r => r.Span.Line).ShouldBe([3, 5]);
    }

    [Test]
    public void Binary_garbage_is_reported_per_line_and_the_rest_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Good).Concat(new byte[] { 0x00, 0x01, 0x02, 0x7f, 0x0a }).Concat(Encoding.UTF8.GetBytes("-A INPUT -j DROP\nCOMMIT\n")).ToArray();
        var path = WriteTemp(bytes);
        var snapshot = SnapshotReader.ReadFile(path).Single();
        var error = SingleError(snapshot);
        error.Span.Line.ShouldBe(4);
        error.Message.ShouldContain("binary data");
        snapshot.Rules.Count().ShouldBe(2);
    }

    [Test]
    public void Invalid_utf8_is_reported_at_its_line_and_column_and_the_line_is_still_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Good + "-A INPUT -m comment --comment \"caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\" -j DROP\nCOMMIT\n")).ToArray();
        var snapshot = SnapshotReader.ReadFile(WriteTemp(bytes)).Single();
        var error = SingleError(snapshot);
        error.Span.Line.ShouldBe(4);
        error.Span.StartColumn.ShouldBe(35);
        error.Message.ShouldContain("invalid UTF-8");
        snapshot.Rules.Count().ShouldBe(2);
    }

    [Test]
    public void Crlf_line_ends_are_reported_once_and_read_as_lf()
    {
        var snapshot = SnapshotReader.Parse((Good + "COMMIT\n").Replace("\n", "\r\n"));
        var warning = snapshot.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Message.ShouldContain("CRLF");
        snapshot.Rules.Single().Text.ShouldBe("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT");
    }

    [Test]
    public void One_megabyte_line_is_reported_without_losing_the_next_rule()
    {
        var huge = "-A INPUT " + string.Concat(Enumerable.Repeat("x", 1 << 20));
        var snapshot = SnapshotReader.Parse(Good + huge + "\n-A INPUT -j DROP\nCOMMIT\n");
        var error = SingleError(snapshot);
        error.Span.Line.ShouldBe(4);
        error.Message.Length.ShouldBeLessThan(200);
        snapshot.Rules.Select(r => r.Span.Line).ShouldBe([3, 4, 5]);
    }

    [Test]
    public void Bad_option_value_is_reported_at_the_option_and_the_rule_is_kept_raw()
    {
        var snapshot = SnapshotReader.Parse(Good + "-A INPUT -p tcp -m tcp --dport 70000 -j ACCEPT\nCOMMIT\n");
        var error = SingleError(snapshot);
        error.Span.Line.ShouldBe(4);
        error.Span.StartColumn.ShouldBe(24);
        error.Message.ShouldContain("invalid port '70000'");
        var rule = snapshot.Rules.Last();
        rule.Matches.Single().IsKnown.ShouldBeFalse();
        rule.Text.ShouldBe("-A INPUT -p tcp -m tcp --dport 70000 -j ACCEPT");
    }

    [Test]
    public void Unexpected_line_says_what_was_expected()
    {
        var snapshot = SnapshotReader.Parse(Good + "hello world\nCOMMIT\n");
        SingleError(snapshot).Message.ShouldBe("unexpected 'hello world': expected *table, :CHAIN, a -A rule, COMMIT or a # comment");
    }

    [Test]
    public void Empty_text_gives_an_empty_snapshot_without_throwing()
    {
        var snapshot = SnapshotReader.Parse(string.Empty);
        snapshot.Tables.ShouldBeEmpty();
        snapshot.Diagnostics.ShouldBeEmpty();
    }

    private static string WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"iptables-policy-{Guid.NewGuid():N}.v4");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
