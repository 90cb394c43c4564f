using Json.Schema;

namespace IptablesPolicy.Engine.Configuration;

/// <summary>
/// <c>policy-schema.json</c>, the schema of the configuration file, embedded in the engine so the tool validates
/// against exactly the schema it was built with.
/// </summary>
public static class PolicySchema
{
    /// <summary>The schema's <c>$id</c>.</summary>
    public const string Id = "https://iptables-policy.github.io/schemas/policy-schema-1.json";

    /// <summary>The schema text as shipped.</summary>
    public static string Text { get; } = ReadText();

    internal static JsonSchema Schema => Parsed.Value;

    private static readonly Lazy<JsonSchema> Parsed = new(() => JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static string ReadText()
    {
        using var stream = typeof(PolicySchema).Assembly.GetManifestResourceStream("policy-schema.json")
            ?? throw new InvalidOperationException("policy-schema.json is not embedded in the engine");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
