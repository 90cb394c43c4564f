using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Tests.Extensions;

/// <summary>The typed matches as policies see them: read from an iptables-save file.</summary>
[TestFixture]
public sealed class TypedMatchesFromSaveTests
{
    private const string Ruleset = """
        *filter
        :INPUT DROP [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A INPUT -m state --state INVALID -j DROP
        -A INPUT -p tcp -m multiport --dports 22,80,443 -j ACCEPT
        -A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT
        -A FORWARD -m mark --mark 0x4000/0x4000 -j ACCEPT
        -A FORWARD -m connmark ! --mark 0x1 -j DROP
        COMMIT

        """;

    [Test]
    public void Every_typed_match_is_read_from_save_format()
    {
        var snapshot = SnapshotReader.Parse(Ruleset, "rules.v4");
        snapshot.Diagnostics.ShouldBeEmpty();
        var rules = snapshot.Rules.ToList();
        rules[0].Match<ConntrackMatch>()!.States!.Value.Value.ShouldBe(ConnectionStates.Related | ConnectionStates.Established);
        rules[1].Match<StateMatch>()!.States.Value.ShouldBe(ConnectionStates.Invalid);
        rules[2].Match<MultiportMatch>()!.DestinationPorts!.Value.Value.Select(p => p.First).ShouldBe([22, 80, 443]);
        rules[3].Match<IcmpMatch>()!.TypeName.ShouldBe("echo-request");
        rules[4].Match<MarkMatch>()!.Mask.ShouldBe(0x4000u);
        rules[5].Match<ConnmarkMatch>()!.IsNegated.ShouldBeTrue();
        rules.ShouldAllBe(r => r.Matches.All(m => m.IsKnown));
        string.Join("\n", rules.Select(r => r.Text)).ShouldBe(string.Join("\n", Ruleset.Split('\n').Where(l => l.StartsWith("-A", StringComparison.Ordinal))));
    }
}
