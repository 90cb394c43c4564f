using System.Text.Json;

namespace IptablesPolicy.Cli.Tests;

/// <summary><c>show</c> on pasted text: each listing and save fragment is its own snapshot, with the format it was read as.</summary>
[TestFixture]
public sealed class ShowListingTests
{
    private const string Session = """
        # Node notes

        ```
        [ec2-user@ip-172-31-61-34 ~]$ sudo iptables -t nat -L
        Chain PREROUTING (policy ACCEPT)
        target     prot opt source               destination
        KUBE-SERVICES  all  --  anywhere             anywhere             /* kubernetes service portals */

        Chain KUBE-SERVICES (1 references)
        target     prot opt source               destination
        KUBE-SVC-X  tcp  --  anywhere             ip-10-100-3-44.us-east-2.compute.internal  tcp dpt:webcache
        [ec2-user@ip-172-31-61-34 ~]$ sudo iptables-save | grep KUBE-SVC-X
        -A KUBE-SVC-X -j KUBE-SEP-Y
        ```
        """;

    private string path = "";

    [SetUp]
    public void WriteSession()
    {
        path = Path.Combine(Path.GetTempPath(), $"ipp-session-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, Session);
    }

    [TearDown]
    public void DeleteSession() => File.Delete(path);

    [Test]
    public void Text_summary_names_each_block_its_format_and_line()
    {
        var (exitCode, output, _) = CliRunner.Run("show", path);
        exitCode.ShouldBe(0);
        output.ShouldContain($"{path}:5: listing, ipv4, 1 table");
        output.ShouldContain("*nat (from the command above it)");
        output.ShouldContain($"{path}:13: save-fragment, ipv4, 1 table");
    }

    [Test]
    public void Json_marks_what_the_listing_cannot_show_and_the_inferred_host_name()
    {
        var (exitCode, output, _) = CliRunner.Run("show", "--format", "json", path);
        exitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var listing = json.RootElement.GetProperty("snapshots")[0];
        listing.GetProperty("format").GetString().ShouldBe("listing");
        var rule = listing.GetProperty("tables")[0].GetProperty("chains").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "KUBE-SERVICES").GetProperty("rules")[0];
        rule.GetProperty("text").GetString().ShouldBe("-A KUBE-SERVICES -d 10.100.3.44/32 -p tcp -m tcp --dport 8080 -j KUBE-SVC-X");
        rule.GetProperty("unknown").EnumerateArray().Select(e => e.GetString()).ShouldBe(["inInterface", "outInterface"], ignoreOrder: true);
        var hostName = rule.GetProperty("hostNames").GetProperty("destination");
        hostName.GetProperty("name").GetString().ShouldBe("ip-10-100-3-44.us-east-2.compute.internal");
        hostName.GetProperty("inferred").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public void Input_format_listing_reads_the_whole_file_as_one_listing()
    {
        var listingOnly = string.Join('\n', Session.Split('\n').Skip(4).Take(7));
        File.WriteAllText(path, listingOnly);
        var (exitCode, output, _) = CliRunner.Run("show", "--input-format", "listing", path);
        exitCode.ShouldBe(0);
        output.ShouldContain($"{path}:1: listing, ipv4, 1 table");
        output.ShouldContain("not shown by this format: table");
    }
}
