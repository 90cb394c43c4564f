using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing.Listing;

namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>The listing's columns read back: counters with suffixes, chain headers, addresses and host names.</summary>
[TestFixture]
public sealed class ListingFieldTests
{
    [TestCase("0", 0UL, true)]
    [TestCase("99999", 99_999UL, true)]
    [TestCase("2308K", 2_308_000UL, false)]
    [TestCase("397M", 397_000_000UL, false)]
    [TestCase("12G", 12_000_000_000UL, false)]
    [TestCase("3T", 3_000_000_000_000UL, false)]
    [TestCase("18446744073709551615", ulong.MaxValue, true)]
    public void Counters_with_suffixes_are_read_as_rounded_numbers(string text, ulong expected, bool exact)
    {
        ListingNumber.TryParse(text, out var value, out var isExact).ShouldBeTrue();
        (value, isExact).ShouldBe((expected, exact));
    }

    [TestCase("")]
    [TestCase("K")]
    [TestCase("12X")]
    [TestCase("-1")]
    [TestCase("99999999T")]
    public void Non_numbers_are_not_counters(string text) => ListingNumber.TryParse(text, out _, out _).ShouldBeFalse();

    [TestCase("Chain INPUT (policy ACCEPT)", "INPUT", "ACCEPT", null, null)]
    [TestCase("Chain FORWARD (policy DROP 12 packets, 720 bytes)", "FORWARD", "DROP", "12", null)]
    [TestCase("Chain OUTPUT (policy ACCEPT 13490 packets, 4036K bytes)", "OUTPUT", "ACCEPT", "13490", null)]
    [TestCase("Chain KUBE-SERVICES (2 references)", "KUBE-SERVICES", null, null, 2)]
    [TestCase("Chain broken (ERROR obtaining refs)", "broken", null, null, null)]
    public void Chain_headers_are_read(string text, string name, string? policy, string? packets, int? references)
    {
        var header = ListingChainHeader.TryParse(text).ShouldNotBeNull();
        (header.Name, header.Policy, header.PolicyPackets, header.References).ShouldBe((name, policy, packets, references));
    }

    [TestCase("anywhere", null, null, false)]
    [TestCase("0.0.0.0/0", null, null, false)]
    [TestCase("::/0", null, null, false)]
    [TestCase("!anywhere", "0.0.0.0/0", null, false)]
    [TestCase("10.0.91.63", "10.0.91.63", null, false)]
    [TestCase("!10.244.0.0/16", "10.244.0.0/16", null, false)]
    [TestCase("10.0.0.0/255.0.255.0", "10.0.0.0/255.0.255.0", null, false)]
    [TestCase("localhost", "127.0.0.1", "localhost", true)]
    [TestCase("loopback/8", "127.0.0.0/8", "loopback/8", true)]
    [TestCase("ip-10-100-3-44.us-east-2.compute.internal", "10.100.3.44", "ip-10-100-3-44.us-east-2.compute.internal", true)]
    [TestCase("ip-10-0-0-1.ec2.internal", "10.0.0.1", "ip-10-0-0-1.ec2.internal", true)]
    [TestCase("ip-300-0-0-1.ec2.internal", null, "ip-300-0-0-1.ec2.internal", false)]
    [TestCase("db.example.com/24", null, "db.example.com/24", false)]
    public void Address_columns_are_read_or_kept_as_names(string text, string? argument, string? hostName, bool inferred)
    {
        var address = ListingAddress.Read(text, IpFamily.IPv4);
        (address.Argument, address.HostName, address.Inferred).ShouldBe((argument, hostName, inferred));
        address.Negated.ShouldBe(text.StartsWith('!'));
    }
}
