using IptablesPolicy.Core;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>The related locations the issue asks for (the fixture format does not check them): line and message.</summary>
[TestFixture]
public sealed class RelatedLocationTests
{
    private static Finding FindingAt(string fixture, string id, int line)
    {
        var result = Pack.Check(SnapshotReader.ReadFile(Path.Combine(PackPaths.Policies, fixture)));
        return result.Findings.Where(f => f.Id == id && f.Span.Line == line).ShouldHaveSingleItem();
    }

    private static string Describe(RelatedLocation r) => $"{r.Location.Span.Line} {r.Message}";

    [Test]
    public void IPT1001_relates_the_dnat_to_the_wireserver()
    {
        var finding = FindingAt("IPT1001/fixtures/reports.v4", "IPT1001", 23);
        finding.Diagnostic.RelatedLocations.Select(Describe).ShouldBe(["25 the DNAT to 168.63.129.16"]);
    }

    [Test]
    public void IPT2003_relates_the_rule_that_cuts_the_chain_off()
    {
        var finding = FindingAt("IPT2003/fixtures/reports.v4", "IPT2003", 15);
        finding.Diagnostic.RelatedLocations.Select(Describe).ShouldBe(["12 the rule that every packet stops at"]);
    }

    [Test]
    public void IPT1101_at_the_jump_relates_the_chain_declaration()
    {
        var finding = FindingAt("IPT1101/fixtures/reports.v4", "IPT1101", 29);
        finding.Diagnostic.RelatedLocations.Select(Describe).ShouldBe(["14 the chain KUBE-SVC-EMPTY0000000000A"]);
    }

    [Test]
    public void Severities_and_security_tags_are_those_of_issue_7()
    {
        var expected = new Dictionary<string, (Severity Severity, bool Security)>
        {
            ["IPT1001"] = (Severity.Error, true),
            ["IPT1101"] = (Severity.Error, false),
            ["IPT1102"] = (Severity.Warning, false),
            ["IPT1103"] = (Severity.Warning, false),
            ["IPT1104"] = (Severity.Warning, true),
            ["IPT2001"] = (Severity.Error, false),
            ["IPT2002"] = (Severity.Note, false),
            ["IPT2003"] = (Severity.Warning, false),
            ["IPT2005"] = (Severity.Note, false),
            ["IPT2006"] = (Severity.Error, false),
            ["IPT3001"] = (Severity.Warning, true),
        };
        foreach (var descriptor in Pack.Set.Descriptors.Where(d => expected.ContainsKey(d.Id)))
        {
            descriptor.DefaultSeverity.ShouldBe(expected[descriptor.Id].Severity, descriptor.Id);
            descriptor.Tags.Contains("security").ShouldBe(expected[descriptor.Id].Security, descriptor.Id);
        }
        Pack.Set.Descriptors.Select(d => d.Id).ShouldBeSubsetOf(expected.Keys.Append("IPT2004"));
        expected.Keys.ShouldBeSubsetOf(Pack.Set.Descriptors.Select(d => d.Id));
    }
}
