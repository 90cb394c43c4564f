namespace IptablesPolicy.Engine.Tests;

public class FingerprintTests
{
    private const string Policy = "foreach (var rule in Rules.Where(r => r.Text.Contains(\"--dport 23\"))) Report(rule, \"telnet\");";

    [Test]
    public void Counters_and_unrelated_lines_moving_leave_the_fingerprint_unchanged()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("telnet.csx", Policy);
        var before = workspace.Check("*filter\n:INPUT ACCEPT [0:0]\n[1:60] -A INPUT -p tcp -m tcp --dport 23 -j DROP\nCOMMIT\n", "telnet.csx").Findings.Single();
        var after = workspace.Check("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n[900:54000] -A INPUT -p tcp -m tcp --dport 23 -j DROP\nCOMMIT\n", "telnet.csx").Findings.Single();

        after.Span.Line.ShouldNotBe(before.Span.Line);
        after.Fingerprint.ShouldBe(before.Fingerprint);
        after.Fingerprint.ShouldMatch("^[0-9a-f]{16}:1$");
    }

    [Test]
    public void Identical_rules_get_distinct_occurrences_and_other_chains_other_hashes()
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("telnet.csx", Policy);

        var findings = workspace.Check("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 23 -j DROP\n-A INPUT -p tcp -m tcp --dport 23 -j DROP\n-A FORWARD -p tcp -m tcp --dport 23 -j DROP\nCOMMIT\n", "telnet.csx").Findings;

        findings.Count.ShouldBe(3);
        findings[0].Fingerprint.ShouldEndWith(":1");
        findings[1].Fingerprint.ShouldBe(findings[0].Fingerprint[..^1] + "2");
        findings[2].Fingerprint[..16].ShouldNotBe(findings[0].Fingerprint[..16]);
    }
}
