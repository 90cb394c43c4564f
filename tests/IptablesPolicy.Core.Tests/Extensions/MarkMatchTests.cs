using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

[TestFixture]
public sealed class MarkMatchTests
{
    [Test]
    public void Mark_reads_value_mask_and_negation()
    {
        var rule = RuleParsing.Parse("-m mark ! --mark 0x4000/0x4000 -j RETURN", table: "nat", chain: "POSTROUTING");
        rule.Text.ShouldBe("-A POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN");
        var match = rule.Match<MarkMatch>().ShouldNotBeNull();
        match.Value.ShouldBe(0x4000u);
        match.Mask.ShouldBe(0x4000u);
        match.IsNegated.ShouldBeTrue();
        match.Matches(0x4001).ShouldBeFalse();
        match.Matches(0x8000).ShouldBeTrue();
    }

    [TestCase("--mark 16", "0x10", 0x10u, 0xffffffffu)]
    [TestCase("--mark 0x10/0xffffffff", "0x10", 0x10u, 0xffffffffu)]
    [TestCase("--mark 0/0", "0x0/0x0", 0u, 0u)]
    public void Mark_is_saved_in_hexadecimal_without_a_full_mask(string option, string saved, uint value, uint mask)
    {
        var match = RuleParsing.Parse($"-m mark {option}").Match<MarkMatch>().ShouldNotBeNull();
        match.Option("--mark")!.Value.ShouldBe(saved);
        match.Value.ShouldBe(value);
        match.Mask.ShouldBe(mask);
    }

    [Test]
    public void Connmark_reads_value_and_mask()
    {
        var match = RuleParsing.Parse("-m connmark --mark 0x1/0xff", table: "mangle", chain: "PREROUTING").Match<ConnmarkMatch>().ShouldNotBeNull();
        match.Value.ShouldBe(1u);
        match.Mask.ShouldBe(0xffu);
        match.IsNegated.ShouldBeFalse();
        match.Matches(0x301).ShouldBeTrue();
    }

    [TestCase("-m mark", "needs --mark")]
    [TestCase("-m mark --mark 0x100000000", "invalid --mark")]
    [TestCase("-m connmark --mark 1/-1", "invalid mask")]
    public void Mark_rejects_what_iptables_rejects(string typed, string messagePart) =>
        RuleParsing.Errors(typed).ShouldContain(m => m.Contains(messagePart));
}
