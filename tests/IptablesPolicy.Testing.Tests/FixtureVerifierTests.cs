using IptablesPolicy.Testing.Verification;

namespace IptablesPolicy.Testing.Tests;

public class FixtureVerifierTests
{
    [Test]
    public void A_fixture_whose_expectations_hold_passes()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("""
            *filter
            :INPUT ACCEPT [0:0]
            # expect: ACME023 "rule in INPUT"
            -A INPUT -p tcp -m tcp --dport 23 -j DROP

            # ok: ACME023
            -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
            COMMIT
            """, "pass.v4");

        result.Passed.ShouldBeTrue(result.Describe());
        result.Describe().ShouldBe("PASS pass.v4 (policies under test: ACME023)\n");
    }

    [Test]
    public void A_missing_finding_names_the_line_the_expectation_and_the_rule()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("""
            *filter
            :INPUT ACCEPT [0:0]
            # expect: ACME023
            -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
            COMMIT
            """, "missing.v4");

        result.Passed.ShouldBeFalse();
        result.Mismatches.ShouldHaveSingleItem().Kind.ShouldBe(MismatchKind.Missing);
        result.Describe().ShouldBe("""
            FAIL missing.v4 (policies under test: ACME023)
              missing.v4:4: expected ACME023, found nothing
                  -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void An_unexpected_finding_names_its_message()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("""
            # test-policies: ACME023
            *filter
            :FORWARD ACCEPT [0:0]
            -A FORWARD -p tcp -m tcp --dport 23 -j ACCEPT
            COMMIT
            """, "unexpected.v4");

        result.Describe().ShouldBe("""
            FAIL unexpected.v4 (policies under test: ACME023)
              unexpected.v4:4: unexpected ACME023: rule in FORWARD handles telnet
                  -A FORWARD -p tcp -m tcp --dport 23 -j ACCEPT

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void A_wrong_message_shows_the_expected_text_and_the_message_found()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("""
            *filter
            :INPUT ACCEPT [0:0]
            # expect: ACME023 "rule in OUTPUT"
            -A INPUT -p tcp -m tcp --dport 23 -j DROP
            COMMIT
            """, "message.v4");

        result.Mismatches.ShouldHaveSingleItem().Kind.ShouldBe(MismatchKind.WrongMessage);
        result.Describe().ShouldContain("message.v4:4: expected ACME023 \"rule in OUTPUT\", found ACME023: rule in INPUT handles telnet");
    }

    [Test]
    public void A_finding_on_an_ok_line_is_reported_as_forbidden()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("""
            *filter
            :INPUT ACCEPT [0:0]
            # ok: ACME023
            -A INPUT -p tcp -m tcp --dport 23 -j DROP
            COMMIT
            """, "ok.v4");

        result.Describe().ShouldContain("ok.v4:4: expected no ACME023, found ACME023: rule in INPUT handles telnet");
    }

    [Test]
    public void A_negative_fixture_passes_when_nothing_is_found_and_fails_otherwise()
    {
        const string clean = "# test-policies: ACME023\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n";
        TelnetPolicy.Tester.VerifyFixtureText(clean, "clean.v4").Passed.ShouldBeTrue();

        var dirty = TelnetPolicy.Tester.VerifyFixtureText(clean.Replace("22", "23"), "dirty.v4");

        dirty.Passed.ShouldBeFalse();
        dirty.Mismatches.ShouldHaveSingleItem().Kind.ShouldBe(MismatchKind.Unexpected);
    }

    [Test]
    public void A_listing_fixture_puts_expectations_on_their_own_lines_between_listing_lines()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("""
            Chain INPUT (policy ACCEPT 0 packets, 0 bytes)
             pkts bytes target     prot opt in     out     source               destination
            # expect: ACME023
                0     0 DROP       tcp  --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:23
                0     0 ACCEPT     tcp  --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:22
            """, "listing.txt");

        result.Passed.ShouldBeTrue(result.Describe());
        result.Findings.ShouldHaveSingleItem().Span.Line.ShouldBe(4);
    }

    [Test]
    public void Two_findings_expected_on_one_line_must_both_appear()
    {
        var tester = PolicyTester.ForText("""
            var d = new PolicyDescriptor("ACME900", "t", "{0}", "c", Severity.Note);
            foreach (var rule in Rules) { Report(d, rule, "first"); Report(d, rule, "second"); }
            """, "ACME900.csx");

        tester.VerifyFixtureText("*filter\n:INPUT ACCEPT [0:0]\n# expect: ACME900 \"first\", ACME900 \"second\"\n-A INPUT -j ACCEPT\nCOMMIT\n").Passed.ShouldBeTrue();
        tester.VerifyFixtureText("*filter\n:INPUT ACCEPT [0:0]\n# expect: ACME900 \"first\"\n-A INPUT -j ACCEPT\nCOMMIT\n", "one.v4")
            .Describe().ShouldContain("one.v4:4: unexpected ACME900: second");
    }

    [Test]
    public void A_chain_finding_is_expected_above_the_chain_declaration()
    {
        var tester = PolicyTester.ForText("foreach (var chain in Graph.Orphans) Report(chain, $\"{chain.Name} unused\");", "Orphans.csx");

        var result = tester.VerifyFixtureText("*filter\n:INPUT ACCEPT [0:0]\n# expect: Orphans \"LONELY unused\"\n:LONELY - [0:0]\nCOMMIT\n");

        result.Passed.ShouldBeTrue(result.Describe());
    }

    [Test]
    public void An_id_no_loaded_policy_declares_fails_the_fixture()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("*filter\n:INPUT ACCEPT [0:0]\n# expect: NOPE1\n-A INPUT -j ACCEPT\nCOMMIT\n", "nope.v4");

        result.Problems.ShouldContain("nope.v4:1:1: error: no loaded policy declares 'NOPE1'");
    }

    [Test]
    public void A_policy_fault_on_the_fixture_fails_it_with_the_policy_line()
    {
        var tester = PolicyTester.ForText("var d = new PolicyDescriptor(\"ACME901\", \"t\", \"m\", \"c\", Severity.Note);\nvar n = Rules.Count() / (Rules.Count() - Rules.Count());\n", "ACME901.csx");

        var result = tester.VerifyFixtureText("# test-policies: ACME901\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n");

        result.Passed.ShouldBeFalse();
        result.Problems.ShouldHaveSingleItem().ShouldContain("ACME901.csx:2:9: error IPP0005: the policy threw DivideByZeroException");
    }

    [Test]
    public void A_line_the_reader_flags_fails_the_fixture_unless_an_expectation_stands_above_it()
    {
        var tester = PolicyTester.ForText("foreach (var rule in Rules) Report(rule, rule.Target.Name);", "Targets.csx");
        const string flagged = "-A INPUT -j REJECT --reject-with tcp-reset";

        var unmarked = tester.VerifyFixtureText($"# test-policies: Targets\n*filter\n:INPUT ACCEPT [0:0]\n{flagged}\nCOMMIT\n", "unmarked.v4");
        var marked = tester.VerifyFixtureText($"*filter\n:INPUT ACCEPT [0:0]\n# expect: Targets \"REJECT\"\n{flagged}\nCOMMIT\n", "marked.v4");

        unmarked.Problems.ShouldContain(p => p.StartsWith("unmarked.v4:4:") && p.Contains("error: --reject-with tcp-reset needs -p tcp"));
        marked.Passed.ShouldBeTrue(marked.Describe());
    }
}
