using System.Text;
using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Suppressions;

namespace IptablesPolicy.Engine.Tests.Suppressions;

public class SuppressionApplierTests
{
    private const string Telnet = """
        var telnet = new PolicyDescriptor("IPT1102", "Telnet", "telnet open in {0}", "Exposure", Severity.Warning);
        foreach (var rule in Rules.Where(r => r.Text.Contains("--dport 23")))
            Report(telnet, rule, rule.Chain.Name);
        """;

    private static readonly DateOnly Today = new(2026, 11, 25);

    private static (CheckResult Result, IReadOnlyList<string> Notes) Run(string snapshot, string configuration = "{}", DateOnly? today = null)
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("telnet.csx", Telnet);
        var result = workspace.Check(snapshot, "telnet.csx");
        var config = ConfigurationLoader.Parse(Encoding.UTF8.GetBytes(configuration), "iptables-policy.json", Directory.GetCurrentDirectory());
        var lines = snapshot.Split('\n');
        var notes = SuppressionApplier.Apply(result, config, today ?? Today, path => path == "rules.v4" ? lines : null);
        return (result, notes);
    }

    [Test]
    public void An_inline_comment_line_suppresses_the_next_rule_only()
    {
        var (result, notes) = Run("""
            *filter
            :INPUT ACCEPT [0:0]
            # iptables-policy: disable IPT1102 -- the lab switch only speaks telnet

            -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
            -A INPUT -s 10.0.0.6/32 -p tcp -m tcp --dport 23 -j ACCEPT
            COMMIT
            """);

        notes.ShouldBeEmpty();
        result.Findings.Count.ShouldBe(2);
        result.Findings[0].Suppression.ShouldBe(new Suppression("inline", "the lab switch only speaks telnet", "rules.v4:3"));
        result.Findings[1].Suppression.ShouldBeNull();
    }

    [Test]
    public void An_inline_suppression_without_a_justification_is_a_snapshot_warning_and_does_not_apply()
    {
        var (result, notes) = Run("*filter\n:INPUT ACCEPT [0:0]\n# iptables-policy: disable IPT1102\n-A INPUT -p tcp -m tcp --dport 23 -j ACCEPT\nCOMMIT\n");

        result.Findings.Single().Suppression.ShouldBeNull();
        notes.ShouldBe(["rules.v4:3: warning: the suppression of IPT1102 gives no justification, so it does not apply: add '-- reason'"]);
    }

    [TestCase("IPTables-Policy:")]
    [TestCase("IPTABLES-POLICY:")]
    [TestCase(null)]
    public void An_inline_directive_is_read_from_the_file_wherever_it_falls_in_the_file(string? marker)
    {
        // Comment lines put the directive's marker across the 64 KiB block boundary of the marker search (it
        // starts 5 characters before it), in mixed and upper case; without it, near misses of the marker
        // (its last characters without the rest) stand in the same place.
        var withDirective = marker is not null;
        using var workspace = new PolicyWorkspace();
        workspace.Write("telnet.csx", Telnet);
        const string Head = "*filter\n:INPUT ACCEPT [0:0]\n";
        var padding = new StringBuilder();
        while (Head.Length + padding.Length + 2 < (1 << 16) - 5 - 40)
            padding.Append("# padding line of a long snapshot file\n");
        padding.Append('#').Append('x', (1 << 16) - 5 - 2 - Head.Length - padding.Length - 1).Append('\n');
        var text = Head + padding
            + (withDirective ? $"# {marker} disable IPT1102 -- the lab switch only speaks telnet\n" : "# a proxy: policy: Y: -policy: nothing to see\n")
            + "-A INPUT -p tcp -m tcp --dport 23 -j ACCEPT\nCOMMIT\n";
        var path = workspace.Write("rules.v4", text);
        var set = workspace.Engine().Load([Sources.PolicySource.FromFile(Path.Combine(workspace.Root, "telnet.csx"))]);
        var result = workspace.Engine().Check(set, [IptablesPolicy.Core.SnapshotReader.ReadFile(path)[0]]);

        var notes = SuppressionApplier.Apply(result, ConfigurationLoader.Parse("{}"u8.ToArray(), "iptables-policy.json", workspace.Root), Today);

        notes.ShouldBeEmpty();
        var directiveLine = text[..text.IndexOf("-A INPUT", StringComparison.Ordinal)].Count(c => c == '\n');
        if (withDirective)
            text.IndexOf(marker!, StringComparison.Ordinal).ShouldBe((1 << 16) - 5);
        result.Findings.Single().Suppression.ShouldBe(withDirective ? new Suppression("inline", "the lab switch only speaks telnet", $"{path}:{directiveLine}") : null);
    }

    [Test]
    public void Warnings_come_in_line_order()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 12).Select(i => i is 3 or 11 ? "# iptables-policy: disable IPT1102" : "# nothing"));

        var (_, notes) = Run("*filter\n:INPUT ACCEPT [0:0]\n" + lines + "\n-A INPUT -j ACCEPT\nCOMMIT\n");

        notes.Select(n => n.Split(':')[1]).ShouldBe(["5", "13"]);
    }

    [Test]
    public void The_rule_comment_suppresses_its_own_rule()
    {
        var (result, notes) = Run("""
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -p tcp -m tcp --dport 23 -m comment --comment "iptables-policy: disable IPT1102,IPT9999 -- console server, see OPS-42" -j ACCEPT
            -A INPUT -p tcp -m tcp --dport 23 -m comment --comment "iptables-policy: disable IPT1102" -j ACCEPT
            COMMIT
            """);

        result.Findings[0].Suppression.ShouldBe(new Suppression("rule-comment", "console server, see OPS-42", "rules.v4:3"));
        result.Findings[1].Suppression.ShouldBeNull();
        notes.ShouldBe(["rules.v4:4: warning: the suppression of IPT1102 gives no justification, so it does not apply: add '-- reason'"]);
    }

    private static IEnumerable<TestCaseData> EveryFormat()
    {
        yield return new TestCaseData("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 23 -m comment --comment \"iptables-policy: disable IPT1102 -- console\" -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 23 -j ACCEPT\nCOMMIT\n").SetArgDisplayNames("save");
        yield return new TestCaseData("-P INPUT ACCEPT\n-A INPUT -p tcp -m tcp --dport 23 -m comment --comment \"iptables-policy: disable IPT1102 -- console\" -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 23 -j ACCEPT\n").SetArgDisplayNames("rule-specs");
        yield return new TestCaseData("Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\nACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:23 /* iptables-policy: disable IPT1102 -- console */\nACCEPT     tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:23\n").SetArgDisplayNames("listing");
    }

    [TestCaseSource(nameof(EveryFormat))]
    public void The_rule_comment_suppresses_in_every_snapshot_format(string snapshot)
    {
        var (result, notes) = Run(snapshot);

        notes.ShouldBeEmpty();
        result.Findings.Select(f => f.Suppression?.Justification).ShouldBe(["console", null]);
    }

    [Test]
    public void A_configuration_suppression_matches_policy_snapshot_chain_and_rule_text()
    {
        const string snapshot = "*filter\n:INPUT ACCEPT [0:0]\n:LAB-IN - [0:0]\n-A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT\n-A LAB-IN -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT\n-A LAB-IN -s 10.0.0.6/32 -p tcp -m tcp --dport 23 -j ACCEPT\nCOMMIT\n";
        const string configuration = """
            {
              "suppressions": [
                { "policy": "IPT1102", "snapshots": "*.v6", "justification": "not this file" },
                { "policy": "IPT1102", "snapshots": "*.v4", "chain": "LAB-*", "rule": "-s 10\\.0\\.0\\.5/32", "justification": "lab switch" }
              ]
            }
            """;

        var (result, _) = Run(snapshot, configuration);

        result.Findings.Select(f => f.Suppression?.Source).ShouldBe([null, "iptables-policy.json:4", null]);
        result.Findings[1].Suppression!.Kind.ShouldBe("config");
        result.Findings[1].Suppression!.Justification.ShouldBe("lab switch");
    }

    [Test]
    public void A_configuration_suppression_applies_through_its_expiry_day_then_stops_and_says_so()
    {
        const string snapshot = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 23 -j ACCEPT\nCOMMIT\n";
        const string configuration = "{\n\"suppressions\": [\n{ \"policy\": \"IPT1102\", \"justification\": \"until the migration\", \"expires\": \"2026-11-25\" }\n]\n}";

        var (onTheDay, notesOnTheDay) = Run(snapshot, configuration, new DateOnly(2026, 11, 25));
        var (after, notesAfter) = Run(snapshot, configuration, new DateOnly(2026, 11, 26));

        onTheDay.Findings.Single().Suppression.ShouldNotBeNull();
        notesOnTheDay.ShouldBeEmpty();
        after.Findings.Single().Suppression.ShouldBeNull();
        notesAfter.ShouldBe(["iptables-policy.json:3: note: the suppression of IPT1102 expired on 2026-11-25 and no longer applies (1 finding counts again)"]);
    }

    [TestCase("iptables-policy: disable IPT1102 -- why", new[] { "IPT1102" }, "why", null)]
    [TestCase("  iptables-policy:disable IPT1102, ACME001 --  two reasons ", new[] { "IPT1102", "ACME001" }, "two reasons", null)]
    [TestCase("iptables-policy: enable IPT1102 -- why", null, null, "is not a suppression")]
    [TestCase("kubernetes service portals", null, null, null)]
    public void Reads_the_directive(string text, string[]? ids, string? justification, string? problem)
    {
        var directive = SuppressionDirective.Parse(text, out var found);

        directive?.Ids.ShouldBe(ids!);
        directive?.Justification.ShouldBe(justification);
        (directive is null).ShouldBe(ids is null);
        if (problem is null)
            found.ShouldBeNull();
        else
            found.ShouldNotBeNull().ShouldContain(problem);
    }
}
