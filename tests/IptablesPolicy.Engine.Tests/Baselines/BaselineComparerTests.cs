using System.Text.Json;
using System.Text.Json.Nodes;
using IptablesPolicy.Engine.Baselines;
using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Engine.Tests.Baselines;

public class BaselineComparerTests
{
    private const string Telnet = """
        var telnet = new PolicyDescriptor("IPT1102", "Telnet", "telnet open from {0}", "Exposure", Severity.Warning);
        foreach (var rule in Rules.Where(r => r.Text.Contains("--dport 23")))
            Report(telnet, rule, rule.Source?.ToString() ?? "anywhere");
        """;

    private const string Before = """
        *filter
        :INPUT ACCEPT [0:0]
        -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
        -A INPUT -s 10.0.0.6/32 -p tcp -m tcp --dport 23 -j ACCEPT
        COMMIT
        """;

    /// <summary>The minimal SARIF an earlier run leaves: what <see cref="SarifBaselineReader"/> reads.</summary>
    private static JsonElement Sarif(IEnumerable<Finding> findings, params JsonObject[] extra)
    {
        var results = new JsonArray();
        foreach (var finding in findings)
        {
            results.Add(new JsonObject
            {
                ["ruleId"] = finding.Id,
                ["message"] = new JsonObject { ["text"] = finding.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = finding.Span.Path, ["uriBaseId"] = "%SRCROOT%" },
                        ["region"] = new JsonObject { ["startLine"] = finding.Span.Line },
                    },
                }),
                ["partialFingerprints"] = new JsonObject { ["primaryLocationLineHash"] = finding.Fingerprint },
            });
        }
        foreach (var result in extra)
            results.Add(result);
        var log = new JsonObject { ["version"] = "2.1.0", ["runs"] = new JsonArray(new JsonObject { ["results"] = results }) };
        return JsonDocument.Parse(log.ToJsonString()).RootElement;
    }

    private static CheckResult Check(string snapshot)
    {
        using var workspace = new PolicyWorkspace();
        workspace.Write("telnet.csx", Telnet);
        return workspace.Check(snapshot, "telnet.csx");
    }

    [Test]
    public void A_rule_that_only_moved_stays_unchanged()
    {
        var baseline = SarifBaselineReader.Read(Sarif(Check(Before).Findings));
        var moved = Check("""
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
            -A INPUT -s 10.0.0.6/32 -p tcp -m tcp --dport 23 -j ACCEPT
            -A INPUT -p tcp -m tcp --dport 443 -j ACCEPT
            -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
            COMMIT
            """);

        BaselineComparer.Apply(moved, baseline);

        moved.Findings.Select(f => f.Span.Line).ShouldBe([4, 6]);
        moved.Findings.Select(f => f.BaselineState).ShouldBe([BaselineState.Unchanged, BaselineState.Unchanged]);
        moved.Absent.ShouldBeEmpty();
    }

    [Test]
    public void Marks_new_updated_and_absent_results()
    {
        var earlier = Check(Before).Findings;
        var baselineFindings = SarifBaselineReader.Read(Sarif(earlier));
        // The earlier run said something else about the first rule: same fingerprint, another message.
        var baseline = baselineFindings.Select((b, i) => i == 0 ? b with { Message = "telnet open (old wording)" } : b).ToArray();
        var after = Check("""
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -s 10.0.0.5/32 -p tcp -m tcp --dport 23 -j ACCEPT
            -A INPUT -s 10.0.0.7/32 -p tcp -m tcp --dport 23 -j ACCEPT
            COMMIT
            """);

        BaselineComparer.Apply(after, baseline);

        after.Findings.Select(f => f.BaselineState).ShouldBe([BaselineState.Updated, BaselineState.New]);
        after.Absent.ShouldBe([new AbsentResult("IPT1102", earlier[1].Fingerprint, earlier[1].Message, "rules.v4", 4)]);
    }

    [Test]
    public void Results_already_absent_in_the_baseline_and_results_without_fingerprint_are_ignored()
    {
        var absent = new JsonObject
        {
            ["ruleId"] = "IPT1102",
            ["baselineState"] = "absent",
            ["message"] = new JsonObject { ["text"] = "fixed long ago" },
            ["partialFingerprints"] = new JsonObject { ["primaryLocationLineHash"] = "0123456789abcdef:1" },
        };
        var unfingerprinted = new JsonObject { ["ruleId"] = "IPT1102", ["message"] = new JsonObject { ["text"] = "no identity" } };

        var baseline = SarifBaselineReader.Read(Sarif([], absent, unfingerprinted));

        baseline.ShouldBeEmpty();
    }

    [Test]
    public void A_file_that_is_not_sarif_is_a_configuration_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ \"version\": \"2.1.0\" }");
            Should.Throw<IptablesPolicy.Engine.Configuration.ConfigurationException>(() => SarifBaselineReader.Read(path)).Message.ShouldContain("not a SARIF log");
            File.WriteAllText(path, "{ nope");
            Should.Throw<IptablesPolicy.Engine.Configuration.ConfigurationException>(() => SarifBaselineReader.Read(path)).Message.ShouldContain("not valid JSON");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
