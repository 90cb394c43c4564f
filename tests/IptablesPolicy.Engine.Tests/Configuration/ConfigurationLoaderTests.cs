using System.Text;
using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Sdk;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Engine.Tests.Configuration;

public class ConfigurationLoaderTests
{
    private static PolicyConfiguration Parse(string json) =>
        ConfigurationLoader.Parse(Encoding.UTF8.GetBytes(json.ReplaceLineEndings("\n")), "iptables-policy.json", "/repo");

    private static IReadOnlyList<string> Problems(string json) =>
        Should.Throw<ConfigurationException>(() => Parse(json)).Problems;

    [Test]
    public void An_unknown_property_is_refused_with_its_json_path_and_line()
    {
        var problems = Problems("""
            {
              "policies": ["policies/*.csx"],
              "severity": {
                "ids": { "IPT1102": "error" },
                "colours": { "IPT1102": "red" }
              }
            }
            """);

        problems.ShouldBe(["iptables-policy.json:5: error: $.severity.colours: unknown property 'colours'"]);
    }

    [Test]
    public void A_wrong_type_is_refused_with_its_json_path_and_line()
    {
        var problems = Problems("""
            {
              "noBuiltin": true,
              "suppressions": [
                { "policy": "IPT1102", "justification": "scaled to zero" },
                { "policy": 1102, "justification": "scaled to zero" }
              ]
            }
            """);

        problems.Count.ShouldBe(1);
        problems[0].ShouldStartWith("iptables-policy.json:5: error: $.suppressions[1].policy: ");
    }

    [Test]
    public void A_severity_outside_the_list_is_refused_at_its_line()
    {
        var problems = Problems("{\n  \"severity\": {\n    \"categories\": {\n      \"Kubernetes\": \"fatal\"\n    }\n  }\n}\n");

        problems.ShouldBe(["iptables-policy.json:4: error: $.severity.categories.Kubernetes: expected one of error, warning, note, none"]);
    }

    [TestCase("{ \"policy\": \"IPT1102\" }", "required")]
    [TestCase("{ \"policy\": \"IPT1102\", \"justification\": \"  \" }", "a justification must say why")]
    public void A_suppression_without_a_justification_is_a_configuration_error(string suppression, string expected)
    {
        var problems = Problems($"{{\n  \"suppressions\": [\n    {suppression}\n  ]\n}}\n");

        problems.Count.ShouldBe(1);
        problems[0].ShouldStartWith("iptables-policy.json:3: error: $.suppressions[0]");
        problems[0].ShouldContain(expected, Case.Insensitive);
    }

    [Test]
    public void A_bad_expiry_date_and_a_bad_rule_pattern_are_refused()
    {
        Problems("{ \"suppressions\": [ { \"policy\": \"A\", \"justification\": \"j\", \"expires\": \"next week\" } ] }")
            .Single().ShouldStartWith("iptables-policy.json:1: error: $.suppressions[0].expires: ");
        Problems("{\n\"suppressions\": [\n{ \"policy\": \"A\", \"justification\": \"j\",\n\"rule\": \"(unclosed\" } ] }")
            .Single().ShouldStartWith("iptables-policy.json:4: error: $.suppressions[0].rule: not a valid regular expression");
    }

    [Test]
    public void Text_that_is_not_json_is_refused_at_its_line() =>
        Problems("{\n  \"policies\": [\n    \"a\",,\n  ]\n}\n").Single().ShouldStartWith("iptables-policy.json:3: error: not valid JSON");

    [Test]
    public void Reads_every_property_and_resolves_paths_from_the_file_folder()
    {
        var configuration = Parse("""
            {
              // comments are allowed
              "$schema": "https://iptables-policy.github.io/schemas/policy-schema-1.json",
              "policies": ["policies/*.csx"],
              "snapshots": ["/abs/rules.v4"],
              "noBuiltin": true,
              "severity": { "ids": { "IPT1102": "none" }, "categories": { "kubernetes": "note" } },
              "disabled": ["IPT2001"],
              "suppressions": [ { "policy": "IPT1102", "snapshots": "rulesets/*.v4", "chain": "KUBE-*", "rule": "orders", "justification": " scaled to zero ", "expires": "2027-01-31" } ],
              "failLevel": "warning",
              "failOn": "new",
              "baseline": "main.sarif",
              "outputs": { "sarif": "out/r.sarif", "junit": "out/r.xml", "json": "out/r.json" },
            }
            """);

        configuration.Policies.ShouldBe([Path.Combine("/repo", "policies/*.csx")]);
        configuration.Snapshots.ShouldBe(["/abs/rules.v4"]);
        configuration.NoBuiltin.ShouldBeTrue();
        configuration.IdSeverities["IPT1102"].ShouldBeNull();
        configuration.CategorySeverities["Kubernetes"].ShouldBe(Severity.Note);
        configuration.Disabled.ShouldBe(["IPT2001"]);
        var suppression = configuration.Suppressions.Single();
        suppression.ShouldSatisfyAllConditions(
            () => suppression.PolicyId.ShouldBe("IPT1102"),
            () => suppression.Snapshots.ShouldBe("rulesets/*.v4"),
            () => suppression.Chain.ShouldBe("KUBE-*"),
            () => suppression.Rule!.ToString().ShouldBe("orders"),
            () => suppression.Justification.ShouldBe("scaled to zero"),
            () => suppression.Expires.ShouldBe(new DateOnly(2027, 1, 31)),
            () => suppression.Line.ShouldBe(9));
        configuration.FailLevel.ShouldBe("warning");
        configuration.FailOn.ShouldBe("new");
        configuration.Baseline.ShouldBe(Path.Combine("/repo", "main.sarif"));
        configuration.Outputs.ShouldBe(new ConfigurationOutputs(Path.Combine("/repo", "out/r.sarif"), Path.Combine("/repo", "out/r.xml"), Path.Combine("/repo", "out/r.json")));
    }

    [Test]
    public void The_example_configuration_is_valid()
    {
        var configuration = ConfigurationLoader.Load(Path.Combine(RepositoryPaths.Examples, "iptables-policy.json"));

        configuration.Suppressions.ShouldNotBeEmpty();
    }

    [Test]
    public void The_embedded_schema_is_the_repository_file_and_describes_and_exemplifies_every_property()
    {
        PolicySchema.Text.ShouldBe(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "policy-schema.json")));
        using var schema = System.Text.Json.JsonDocument.Parse(PolicySchema.Text);
        schema.RootElement.GetProperty("$id").GetString().ShouldBe(PolicySchema.Id);
        schema.RootElement.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        var undocumented = new List<string>();
        Walk(schema.RootElement, "$", undocumented);
        undocumented.ShouldBeEmpty();
    }

    [Test]
    public void The_schema_is_a_valid_2020_12_schema()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(PolicySchema.Text);

        var results = Json.Schema.MetaSchemas.Draft202012.Evaluate(schema.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });

        results.IsValid.ShouldBeTrue(string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static void Walk(System.Text.Json.JsonElement schema, string path, List<string> undocumented)
    {
        foreach (var container in new[] { "properties", "$defs" })
        {
            if (!schema.TryGetProperty(container, out var members))
                continue;
            foreach (var member in members.EnumerateObject())
            {
                var memberPath = $"{path}.{container}.{member.Name}";
                if (!member.Value.TryGetProperty("description", out _) || !member.Value.TryGetProperty("examples", out _))
                    undocumented.Add(memberPath);
                Walk(member.Value, memberPath, undocumented);
            }
        }
    }

    [TestCase("IPT1102", "Kubernetes", true, Severity.Warning, "{ \"severity\": { \"ids\": { \"IPT1102\": \"error\" }, \"categories\": { \"Kubernetes\": \"note\" } } }", Severity.Error)]
    [TestCase("IPT1103", "Kubernetes", true, Severity.Warning, "{ \"severity\": { \"ids\": { \"IPT1102\": \"error\" }, \"categories\": { \"Kubernetes\": \"note\" } } }", Severity.Note)]
    [TestCase("IPT1102", "Kubernetes", true, Severity.Warning, "{ \"severity\": { \"ids\": { \"IPT1102\": \"none\" }, \"categories\": { \"Kubernetes\": \"error\" } } }", null)]
    [TestCase("IPT1102", "Kubernetes", true, Severity.Warning, "{ \"severity\": { \"ids\": { \"IPT1102\": \"warning\" }, \"categories\": { \"Kubernetes\": \"none\" } } }", Severity.Warning)]
    [TestCase("IPT1102", "Kubernetes", false, Severity.Warning, "{ \"severity\": { \"ids\": { \"IPT1102\": \"note\" } } }", Severity.Note)]
    [TestCase("IPT1102", "Kubernetes", false, Severity.Warning, "{ \"severity\": { \"categories\": { \"Kubernetes\": \"error\" } } }", null)]
    [TestCase("IPT1102", "Kubernetes", true, Severity.Warning, "{ \"disabled\": [\"IPT1102\"], \"severity\": { \"ids\": { \"IPT1102\": \"error\" } } }", null)]
    [TestCase("IPT1102", "Kubernetes", true, Severity.Warning, "{ }", Severity.Warning)]
    public void Severity_by_id_beats_category_and_disabled_beats_both(string id, string category, bool enabledByDefault, Severity defaultSeverity, string json, Severity? expected)
    {
        var descriptor = new PolicyDescriptor(id, "title", "message", category, defaultSeverity, enabledByDefault);

        Parse(json).SeverityOf(descriptor).ShouldBe(expected);
    }
}
