using IptablesPolicy.Testing.Fixtures;

namespace IptablesPolicy.Testing.Tests;

public class FixtureParsingTests
{
    [Test]
    public void Expectations_apply_to_the_next_line_that_is_neither_comment_nor_blank()
    {
        var fixture = Fixture.Parse("# expect: A1, B2 \"x, \\\"y\\\"\"\n# a plain comment\n\n-A INPUT -j ACCEPT\n# ok: C3\n-A INPUT -j DROP\n", "f.v4");

        fixture.Problems.ShouldBeEmpty();
        fixture.Expectations.ShouldBe(
        [
            new Expectation(ExpectationKind.Expect, "A1", null, 1, 4),
            new Expectation(ExpectationKind.Expect, "B2", "x, \"y\"", 1, 4),
            new Expectation(ExpectationKind.Ok, "C3", null, 5, 6),
        ]);
        fixture.PoliciesUnderTest.ShouldBe(["A1", "B2", "C3"]);
    }

    [Test]
    public void Test_policies_names_the_policies_under_test()
    {
        var fixture = Fixture.Parse("# test-policies: IPT1102, IPT1001\n*filter\nCOMMIT\n", "f.v4");

        fixture.PoliciesUnderTest.ShouldBe(["IPT1001", "IPT1102"]);
        fixture.Expectations.ShouldBeEmpty();
    }

    [TestCase("# expect: IPT1102 \"unterminated\n-A X -j ACCEPT\n", 1, 32, "cannot read '# expect:': expected a closing quote")]
    [TestCase("# expect: 1102\n-A X -j ACCEPT\n", 1, 11, "cannot read '# expect:'")]
    [TestCase("# expect: IPT1102,\n-A X -j ACCEPT\n", 1, 19, "cannot read '# expect:'")]
    [TestCase("*filter\n# expect: IPT1102\n", 2, 1, "'# expect: IPT1102' has no line below it to apply to")]
    [TestCase("# ok: IPT1102 \"text\"\n-A X -j ACCEPT\n", 1, 6, "'# ok:' takes ids only")]
    public void A_bad_directive_names_its_line_and_column(string text, int line, int column, string message)
    {
        var problem = Fixture.Parse(text, "bad.v4").Problems.ShouldHaveSingleItem();

        problem.Line.ShouldBe(line);
        problem.Column.ShouldBe(column);
        problem.Message.ShouldStartWith(message);
    }

    [Test]
    public void Comments_that_are_not_in_the_first_column_are_not_directives()
    {
        Fixture.Parse(" # expect: IPT1102\n-A X -j ACCEPT\n", "f.v4").Expectations.ShouldBeEmpty();
    }
}
