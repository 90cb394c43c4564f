using IptablesPolicy.Core.Model;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>The user's notes (../shared/seeds) hold listings and save fragments among prose and prompts: every block parses.</summary>
[TestFixture]
public sealed class SeedListingTests
{
    private static IReadOnlyList<Snapshot> ReadSeed(string name)
    {
        var path = Path.Combine(RepositoryPaths.Seeds, name);
        Prerequisites.Require(File.Exists(path), $"seed not found at {path}");
        return SnapshotReader.ReadFile(path);
    }

    [TestCase("000_7eccdfa7ea153e65.txt", 24)]
    [TestCase("001_7e089b313214aa99.txt", 31)]
    public void Seed_parses_fully_without_errors(string name, int rules)
    {
        var snapshots = ReadSeed(name);
        snapshots.Sum(s => s.Rules.Count()).ShouldBe(rules);
        snapshots.SelectMany(s => s.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        snapshots.SelectMany(s => s.Rules).Where(r => r.Matches.Any(m => !m.IsKnown && m.Name == "listing-text")).ShouldBeEmpty();
    }

    [Test]
    public void Aks_notes_give_a_listing_a_grep_fragment_and_a_cut_save_each_where_it_starts()
    {
        var snapshots = ReadSeed("000_7eccdfa7ea153e65.txt");
        snapshots.Select(s => (s.Format, s.StartLine)).ShouldBe([(SnapshotFormat.Listing, 21), (SnapshotFormat.SaveFragment, 90), (SnapshotFormat.Save, 141)]);
        var listing = snapshots[0];
        listing.Unknown.ShouldBeEmpty();
        listing.Tables.ShouldHaveSingleItem().Name.ShouldBe("filter");
        var input = listing.FindTable("filter")!.FindChain("INPUT")!;
        input.PolicyCounters.ShouldBe(new Counters(0, 0));
        input.Rules[1].Counters.ShouldBe(new Counters(15044, 397_000_000));
        input.Rules[0].Text.ShouldBe("-A INPUT -m conntrack --ctstate NEW -m comment --comment \"kubernetes load balancer firewall\" -j KUBE-PROXY-FIREWALL");
        var firewall = listing.FindTable("filter")!.FindChain("KUBE-FIREWALL")!.Rules.ShouldHaveSingleItem();
        firewall.Text.ShouldBe("-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment \"block incoming localnet connections\" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP");
        firewall.Unknown.ShouldBeEmpty();
        var forward = listing.FindTable("filter")!.FindChain("FORWARD")!.Rules;
        forward[4].Text.ShouldBe("-A FORWARD -d 168.63.129.16/32 -p tcp -m tcp --dport 32526 -j DROP");
    }

    [Test]
    public void Eks_listing_maps_service_names_and_ec2_host_names_back()
    {
        var listing = ReadSeed("001_7e089b313214aa99.txt").ShouldHaveSingleItem();
        listing.Format.ShouldBe(SnapshotFormat.Listing);
        var services = listing.FindTable("filter")!.FindChain("KUBE-SERVICES")!.Rules;
        services[0].Text.ShouldBe("-A KUBE-SERVICES -d 10.100.109.33/32 -p tcp -m comment --comment \"devops/jenkinszip:http has no endpoints\" -m tcp --dport 8080 -j REJECT --reject-with icmp-port-unreachable");
        services[0].Destination!.Value.Value.HostName.ShouldBe("ip-10-100-109-33.us-east-2.compute.internal");
        services[0].Unknown.ShouldBe(["inInterface", "outInterface"], ignoreOrder: true);
        var localnet = listing.FindTable("filter")!.FindChain("KUBE-FIREWALL")!.Rules[1];
        localnet.Text.ShouldBe("-A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment \"block incoming localnet connections\" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP");
        var ports = services.Select(r => r.MatchesOf("tcp").Single().Options.Single().Value).ToList();
        ports.ShouldBe(["8080", "9000", "9090", "8087", "6379", "8088", "7002", "3456", "443", "8083", "50000", "8084", "80", "443", "8080", "80", "8089"]);
    }
}
