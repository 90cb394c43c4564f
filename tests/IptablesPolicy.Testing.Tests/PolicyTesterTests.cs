namespace IptablesPolicy.Testing.Tests;

public class PolicyTesterTests
{
    private const string Rules = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 23 -j DROP\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n";

    [Test]
    public void AssertFindings_passes_on_the_exact_id_line_pairs()
    {
        var findings = TelnetPolicy.Tester.Check(Rules);

        Should.NotThrow(() => PolicyTester.AssertFindings(findings, ("ACME023", 3)));
    }

    [Test]
    public void AssertFindings_lists_what_is_missing_what_was_unexpected_and_what_was_found()
    {
        var findings = TelnetPolicy.Tester.Check(Rules);

        var failure = Should.Throw<PolicyAssertionException>(() => PolicyTester.AssertFindings(findings, ("ACME023", 4)));

        failure.Message.ShouldBe("""
            the findings differ from what was expected:
              missing    ACME023 at line 4
              unexpected ACME023 at line 3: rule in INPUT handles telnet
            found:
              ACME023 at line 3: rule in INPUT handles telnet
            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void A_policy_that_does_not_compile_fails_at_load_with_the_compiler_message()
    {
        var failure = Should.Throw<PolicyAssertionException>(() => PolicyTester.ForText("var x = ;", "Broken.csx"));

        failure.Message.ShouldStartWith("the policies did not load:\n  ");
        failure.Message.ShouldContain("Broken.csx:1:9: error IPP0001: CS1525");
    }

    [Test]
    public void ThrowIfFailed_throws_the_readable_report()
    {
        var result = TelnetPolicy.Tester.VerifyFixtureText("# test-policies: ACME023\n" + Rules, "rules.v4");

        var failure = Should.Throw<PolicyAssertionException>(result.ThrowIfFailed);

        failure.Message.ShouldStartWith("FAIL rules.v4 (policies under test: ACME023)\n  rules.v4:4: unexpected ACME023");
    }

    [Test]
    public void Policies_disabled_by_default_still_run_under_test()
    {
        var tester = PolicyTester.ForText("var d = new PolicyDescriptor(\"ACME902\", \"t\", \"m\", \"c\", Severity.Note, isEnabledByDefault: false);\nReport(d, Snapshot);", "ACME902.csx");

        PolicyTester.AssertFindings(tester.Check(Rules), ("ACME902", 1));
    }
}
