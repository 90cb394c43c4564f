using IptablesPolicy.Core.Model;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>
/// Listings captured from the real iptables 1.8.9 (nft and legacy) for Rulesets/listing-modules.v4, .v6 and more-modules.v4,
/// each behind the prompt and command that printed it, next to iptables-save -c of the same namespace:
/// the oracle's answer kept in files, so the comparison runs without root.
/// </summary>
[TestFixture]
public sealed class CapturedListingTests
{
    private static string Captured => Path.Combine(RepositoryPaths.Root, "tests", "IptablesPolicy.Core.Tests", "Listing", "Captured");

    public static IEnumerable<TestCaseData> Files() =>
        new[] { "listing-modules.v4.nft", "listing-modules.v4.legacy", "listing-modules.v6.nft", "listing-modules.v6.legacy", "more-modules.v4.nft", "more-modules.v4.legacy" }
            .Select(name => new TestCaseData(name).SetName($"Captured_listings_agree_with_save({name})"));

    [TestCaseSource(nameof(Files))]
    public void Captured_listings_agree_with_save(string name)
    {
        var saved = SnapshotReader.ReadFile(Path.Combine(Captured, name + ".save"), SnapshotFormat.Save).ShouldHaveSingleItem();
        saved.HasErrors.ShouldBeFalse();
        var listingPath = Path.Combine(Captured, name + ".listing.txt");
        var lines = File.ReadAllLines(listingPath);
        var snapshots = SnapshotReader.ReadFile(listingPath);
        snapshots.Count.ShouldBe(saved.Tables.Count * 5);
        var problems = new List<string>();
        var compared = 0;
        foreach (var snapshot in snapshots)
        {
            snapshot.Format.ShouldBe(SnapshotFormat.Listing);
            var command = lines[snapshot.StartLine - 2];
            var variant = command[(command.IndexOf(" -t ", StringComparison.Ordinal) + 4)..].Split(' ', 2)[1];
            var table = saved.FindTable(snapshot.Tables.ShouldHaveSingleItem().Name).ShouldNotBeNull();
            foreach (var error in snapshot.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                problems.Add($"{command}: {error}");
            compared += ListingAgreement.Compare(table, snapshot, variant, string.Join('\n', lines.Skip(snapshot.StartLine - 1)), problems);
        }
        problems.ShouldBeEmpty();
        compared.ShouldBe(saved.Rules.Count() * 5);
    }

    [Test]
    public void Every_module_of_the_ruleset_is_read_back_from_the_listing()
    {
        var snapshots = SnapshotReader.ReadFile(Path.Combine(Captured, "listing-modules.v4.nft.listing.txt"));
        var modules = snapshots.SelectMany(s => s.Rules).SelectMany(r => r.Matches).Select(m => m.Name).ToHashSet();
        modules.ShouldBe(
            ["tcp", "udp", "multiport", "conntrack", "state", "mark", "connmark", "addrtype", "comment", "statistic", "iprange",
             "limit", "icmp", "pkttype", "mac", "length", "recent", "hashlimit", "physdev", "owner", "string"],
            ignoreOrder: true);
    }
}
