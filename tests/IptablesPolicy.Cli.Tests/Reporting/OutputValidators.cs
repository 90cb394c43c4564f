using System.Text.Json;
using System.Text.Json.Nodes;
using IptablesPolicy.TestInfrastructure;
using Json.Schema;

namespace IptablesPolicy.Cli.Tests.Reporting;

/// <summary>
/// The validators CI runs over our outputs: the SARIF 2.1.0 JSON schema (JsonSchema.Net), Microsoft's SARIF
/// multitool with GitHub's rules, and xmllint with the JUnit XSD. The external ones skip with a reason outside CI
/// and fail under <c>CI=true</c>; <c>.ci/run</c> installs them.
/// </summary>
internal static class OutputValidators
{
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Schemas, "sarif-schema-2.1.0.json");
        Prerequisites.Require(File.Exists(path), $"the SARIF schema is not at {path}");
        // The OASIS schema declares draft-04, which JsonSchema.Net does not implement. It uses nothing whose meaning
        // changed by draft-07 (no boolean exclusiveMinimum/Maximum), so only its header needs the draft-07 spelling;
        // its draft-04 "id" goes (every $ref is local, and JsonSchema.Net refused to register the schema under it).
        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema.Remove("id");
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    });

    /// <summary>The multitool's own binary, as <c>npm install --prefix .ci @microsoft/sarif-multitool</c> leaves it.
    /// Its npm wrapper runs it through a shell, which splits <c>Gh;Sarif</c> at the semicolon, so tests call it directly.</summary>
    public static string MultitoolPath =>
        Environment.GetEnvironmentVariable("IPTABLES_POLICY_SARIF_MULTITOOL")
        ?? Path.Combine(CliRunner.RepositoryRoot, ".ci", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");

    public static void ValidateSarifSchema(string sarif)
    {
        var errors = SarifSchemaErrors(sarif);
        if (errors.Count > 0)
            Assert.Fail("SARIF does not match sarif-schema-2.1.0.json:\n" + string.Join('\n', errors));
    }

    public static IReadOnlyList<string> SarifSchemaErrors(string sarif)
    {
        var result = SarifSchema.Value.Evaluate(JsonDocument.Parse(sarif).RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToArray();
    }

    public static void ValidateWithMultitool(string sarifFile)
    {
        var tool = MultitoolPath;
        Prerequisites.Require(File.Exists(tool), $"the SARIF multitool is not at {tool} (npm install --prefix .ci @microsoft/sarif-multitool, or set IPTABLES_POLICY_SARIF_MULTITOOL)");
        var report = sarifFile + ".validation.sarif";
        File.Delete(report);
        var run = ProcessRunner.Run(tool, ["validate", "--rule-kind", "Gh;Sarif", "--level", "Error;Warning", sarifFile, "--output", report]);
        File.Exists(report).ShouldBeTrue($"the multitool wrote no report: {run}\n{run.StandardOutput}");
        // It exits 0 even when it finds errors: the report says what it found.
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        var errors = document.RootElement.GetProperty("runs")[0].TryGetProperty("results", out var results)
            ? results.EnumerateArray().Where(r => r.TryGetProperty("level", out var level) && level.GetString() == "error").Select(r => r.GetRawText()).ToArray()
            : [];
        errors.ShouldBeEmpty($"sarif-multitool validate --rule-kind Gh;Sarif found errors:\n{run.StandardOutput}");
    }

    public static void ValidateJUnit(string xmlFile)
    {
        var xmllint = ProcessRunner.Find("xmllint");
        Prerequisites.Require(xmllint is not null, "xmllint is not installed (apt-get install libxml2-utils)");
        var schema = Path.Combine(RepositoryPaths.Schemas, "JUnit.xsd");
        Prerequisites.Require(File.Exists(schema), $"the JUnit schema is not at {schema}");
        var run = ProcessRunner.Run(xmllint!, ["--noout", "--schema", schema, xmlFile]);
        run.ExitCode.ShouldBe(0, $"xmllint --schema JUnit.xsd: {run.StandardError}");
    }
}
