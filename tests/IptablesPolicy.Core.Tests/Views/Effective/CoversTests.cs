using IptablesPolicy.Core.Views.ChainGraph;
using IptablesPolicy.Core.Views.Effective;

namespace IptablesPolicy.Core.Tests.Views.Effective;

/// <summary>
/// <see cref="EffectiveMatch.Covers"/>: whether an earlier rule provably takes every packet a later one
/// would, which is what IPT2004 reports as shadowed or redundant.
/// </summary>
[TestFixture]
public sealed class CoversTests
{
    // Al-Shaer and Hamed, "Firewall Policy Advisor for Anomaly Discovery and Rule Editing" (IM 2003),
    // the example policy of its figure 2, written as iptables rules.
    private static readonly string[] AlShaerPolicy =
    [
        "-s 140.192.37.20/32 -p tcp -m tcp --dport 80 -j DROP",
        "-s 140.192.37.0/24 -p tcp -m tcp --dport 80 -j ACCEPT",
        "-d 161.120.33.40/32 -p tcp -m tcp --dport 80 -j ACCEPT",
        "-s 140.192.37.0/24 -d 161.120.33.40/32 -p tcp -m tcp --dport 80 -j DROP",
        "-s 140.192.37.30/32 -p tcp -m tcp --dport 21 -j DROP",
        "-s 140.192.37.0/24 -p tcp -m tcp --dport 21 -j ACCEPT",
        "-s 140.192.37.0/24 -d 161.120.33.40/32 -p tcp -m tcp --dport 21 -j ACCEPT",
        "-p tcp -j DROP",
        "-s 140.192.37.0/24 -d 161.120.33.40/32 -p udp -m udp --dport 53 -j ACCEPT",
        "-d 161.120.33.40/32 -p udp -m udp --dport 53 -j ACCEPT",
        "-s 140.192.38.0/24 -d 161.120.35.0/24 -p udp -j ACCEPT",
        "-p udp -j DROP",
    ];

    [Test]
    public void Al_shaer_policy_has_exactly_its_shadowed_and_redundant_pairs()
    {
        var matches = AlShaerPolicy.Select(r => EffectiveRules.Of(r)).ToList();
        var covered = new List<string>();
        for (var earlier = 0; earlier < matches.Count; earlier++)
        {
            for (var later = earlier + 1; later < matches.Count; later++)
            {
                var answer = matches[earlier].Covers(matches[later]);
                answer.ShouldNotBe(TriState.Indeterminate, $"{earlier + 1} over {later + 1}");
                if (answer == TriState.Yes)
                    covered.Add($"{earlier + 1} covers {later + 1}");
            }
        }
        // Rule 4 is shadowed by rule 3 (the paper's example) and by rule 2; rule 7 is redundant to rule 6.
        // The generalisations (1 by 2, 5 by 6, 9 by 10) and correlations (1 and 3) are not covers.
        covered.ShouldBe(["2 covers 4", "3 covers 4", "6 covers 7"]);
    }

    [TestCase("-p tcp -j ACCEPT", "-p tcp -m tcp --dport 22 -j DROP", TestName = "all of a protocol covers one of its ports")]
    [TestCase("-p tcp -m tcp --dport 1:1023 -j ACCEPT", "-p tcp -m multiport --dports 22,80,443 -j ACCEPT", TestName = "a range covers a multiport list inside it")]
    [TestCase("-p tcp -m multiport --dports 20:25,80 -j ACCEPT", "-p tcp -m tcp --dport 21 -j ACCEPT", TestName = "a multiport range covers a port")]
    [TestCase("-p tcp -m tcp ! --dport 22 -j DROP", "-p tcp -m tcp --dport 80 -j DROP", TestName = "a negated port covers another port")]
    [TestCase("-s 10.0.0.0/8 -j DROP", "-s 10.1.0.0/16 -p udp -j DROP", TestName = "a network covers a smaller one")]
    [TestCase("! -s 10.0.0.0/8 -j DROP", "-s 192.168.0.0/16 -j ACCEPT", TestName = "a negated network covers an outside one")]
    [TestCase("-s 10.0.0.0/255.0.255.0 -j DROP", "-s 10.9.0.0/24 -j DROP", TestName = "a non-prefix mask covers a network inside it")]
    [TestCase("-m iprange --src-range 10.0.0.0-10.0.0.200 -j DROP", "-s 10.0.0.64/26 -j DROP", TestName = "an address range covers a network inside it")]
    [TestCase("-i eth+ -j DROP", "-i eth0 -p tcp -j DROP", TestName = "an interface wildcard covers one of its interfaces")]
    [TestCase("! -i docker0 -j DROP", "-i eth0 -j DROP", TestName = "a negated interface covers another")]
    [TestCase("-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT", "-m state --state ESTABLISHED -j ACCEPT", TestName = "a state list covers one of its states")]
    [TestCase("-m conntrack ! --ctstate INVALID -j ACCEPT", "-m conntrack --ctstate NEW -j ACCEPT", TestName = "a negated state covers another")]
    [TestCase("-p icmp -m icmp --icmp-type 3 -j ACCEPT", "-p icmp -m icmp --icmp-type 3/4 -j ACCEPT", TestName = "an ICMP type covers one of its codes")]
    [TestCase("-p icmp -j ACCEPT", "-p icmp -m icmp --icmp-type 8 -j ACCEPT", TestName = "the ICMP protocol covers one type")]
    [TestCase("-j ACCEPT", "-m mark --mark 0x1 -m recent --rcheck --name x --mask 255.255.255.255 --rsource -j DROP", TestName = "what the later rule leaves unmodelled only makes it smaller")]
    [TestCase("-s 10.0.0.0/8 -j DROP", "-s 192.168.0.0/16 -m iprange --src-range 10.0.0.1-10.0.0.9 -j DROP", TestName = "a later rule that matches nothing is covered")]
    public void Provably_covered(string earlier, string later) =>
        EffectiveRules.Of(earlier).Covers(EffectiveRules.Of(later)).ShouldBe(TriState.Yes);

    [TestCase("-p tcp -m tcp --dport 22 -j ACCEPT", "-p tcp -j DROP", TestName = "one port does not cover the whole protocol")]
    [TestCase("-p tcp -m tcp --dport 22 -j ACCEPT", "-p udp -m udp --dport 22 -j ACCEPT", TestName = "tcp does not cover udp")]
    [TestCase("-p tcp -m multiport --dports 80,443 -j ACCEPT", "-p tcp -m tcp --dport 80:443 -j ACCEPT", TestName = "a list does not cover the range between")]
    [TestCase("-s 10.1.0.0/16 -j DROP", "-s 10.0.0.0/8 -j DROP", TestName = "a smaller network does not cover a larger one")]
    [TestCase("-s 10.0.0.0/255.0.255.0 -j DROP", "-s 10.0.1.0/24 -j DROP", TestName = "a non-prefix mask does not cover a network outside it")]
    [TestCase("-i eth0 -j DROP", "-i eth+ -j DROP", TestName = "one interface does not cover a wildcard")]
    [TestCase("-i eth+ -j DROP", "! -i docker0 -j DROP", TestName = "a wildcard does not cover a negated interface")]
    [TestCase("-m state --state ESTABLISHED -j ACCEPT", "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT", TestName = "one state does not cover two")]
    [TestCase("-p icmp -m icmp --icmp-type 3/4 -j ACCEPT", "-p icmp -m icmp --icmp-type 3 -j ACCEPT", TestName = "one ICMP code does not cover its type")]
    [TestCase("! -f -p tcp -j DROP", "-p tcp -j ACCEPT", TestName = "no fragments do not cover all of them")]
    [TestCase("-f -j DROP", "! -f -p tcp -j ACCEPT", TestName = "non-first fragments do not cover the others")]
    [TestCase("-p tcp -j DROP", "-f -j ACCEPT", TestName = "a protocol does not cover fragments of every protocol")]
    [TestCase("-m mark --mark 0x1 -p tcp -j DROP", "-p udp -j DROP", TestName = "an earlier unmodelled match does not hide a set the later rule leaves")]
    public void Provably_not_covered(string earlier, string later) =>
        EffectiveRules.Of(earlier).Covers(EffectiveRules.Of(later)).ShouldBe(TriState.No);

    [TestCase("-m mark --mark 0x1 -j DROP", "-p tcp -j DROP", TestName = "an earlier unmodelled match may refuse what the later rule takes")]
    [TestCase("-p tcp -m tcp --dport 22 --tcp-flags FIN,SYN,RST,ACK SYN -j DROP", "-p tcp -m tcp --dport 22 -j DROP", TestName = "earlier TCP flags are not modelled")]
    [TestCase("-p tcp -m tcp --dport 22 -j DROP", "-p tcp -m multiport --ports 22,23 -j DROP", TestName = "later either-ports may still fall inside")]
    [TestCase("-m conntrack --ctstate DNAT -j ACCEPT", "-m conntrack --ctstate NEW -j ACCEPT", TestName = "the DNAT state is not modelled")]
    [TestCase("-p tcp -m tcp -j DROP", "-p tcp -j ACCEPT", TestName = "whether a bare port match refuses non-first fragments depends on the backend")]
    [TestCase("! -f -p tcp -j DROP", "-p tcp -m tcp --dport 22 -j ACCEPT", TestName = "whether a port match takes non-first fragments depends on the backend")]
    [TestCase("-p udp -j DROP", "-f -p tcp -m tcp --dport 22 -j ACCEPT", TestName = "a later fragment rule with a port match matches nothing under legacy only")]
    public void Not_provable(string earlier, string later) =>
        EffectiveRules.Of(earlier).Covers(EffectiveRules.Of(later)).ShouldBe(TriState.Indeterminate);

    [Test]
    public void Covers_on_rules_asks_their_effective_matches()
    {
        var earlier = EffectiveRules.Rule("-p tcp -j ACCEPT");
        var later = EffectiveRules.Rule("-p tcp -m tcp --dport 22 -j ACCEPT");
        earlier.Covers(later).ShouldBe(TriState.Yes);
        later.Covers(earlier).ShouldBe(TriState.No);
    }

    [Test]
    public void Every_match_covers_itself_when_fully_modelled()
    {
        foreach (var rule in AlShaerPolicy)
            EffectiveRules.Of(rule).Covers(EffectiveRules.Of(rule)).ShouldBe(TriState.Yes, rule);
    }

    [TestCase("-s 140.192.37.20/32 -p tcp -m tcp --dport 80 -j DROP", "-d 161.120.33.40/32 -p tcp -m tcp --dport 80 -j ACCEPT", TriState.Yes, TestName = "Al-Shaer rules 1 and 3 are correlated")]
    [TestCase("-p tcp -m tcp --dport 80 -j DROP", "-p tcp -m tcp --dport 443 -j DROP", TriState.No, TestName = "different ports never meet")]
    [TestCase("-p tcp -j DROP", "-p udp -j DROP", TriState.No, TestName = "different protocols never meet")]
    [TestCase("-i eth+ -j DROP", "! -i eth0 -j DROP", TriState.Yes, TestName = "a wildcard meets every name but one of its names")]
    [TestCase("-i eth0 -j DROP", "! -i eth+ -j DROP", TriState.No, TestName = "a name never meets every name but its prefix")]
    [TestCase("-m state --state NEW -j DROP", "-m conntrack --ctstate RELATED,ESTABLISHED -j DROP", TriState.No, TestName = "different states never meet")]
    [TestCase("-f -j DROP", "! -f -j DROP", TriState.No, TestName = "fragments and the rest never meet")]
    [TestCase("-m mark --mark 0x1 -p tcp -j DROP", "-p tcp -m tcp --dport 22 -j DROP", TriState.Indeterminate, TestName = "an unmodelled match may keep them apart")]
    [TestCase("-m mark --mark 0x1 -p tcp -j DROP", "-p udp -j DROP", TriState.No, TestName = "an unmodelled match does not hide disjoint sets")]
    [TestCase("-f -j DROP", "-p tcp -m tcp --dport 22 -j DROP", TriState.Indeterminate, TestName = "whether a port match takes fragments depends on the backend")]
    public void Overlaps(string one, string other, TriState expected)
    {
        EffectiveRules.Of(one).Overlaps(EffectiveRules.Of(other)).ShouldBe(expected);
        EffectiveRules.Of(other).Overlaps(EffectiveRules.Of(one)).ShouldBe(expected);
    }
}
