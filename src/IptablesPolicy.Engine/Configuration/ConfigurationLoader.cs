using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IptablesPolicy.Sdk;
using Json.Schema;

namespace IptablesPolicy.Engine.Configuration;

/// <summary>
/// Finds and reads <c>iptables-policy.json</c>: parses it (comments and trailing commas allowed), validates it against
/// the embedded <see cref="PolicySchema"/>, and refuses it with every problem at its JSON path and file line.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The file name looked for in the working directory.</summary>
    public const string FileName = "iptables-policy.json";

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The configuration file in <paramref name="directory"/>, or null when it has none.</summary>
    public static string? Find(string directory)
    {
        var path = System.IO.Path.Combine(directory, FileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Reads and validates the file at <paramref name="path"/> (as the user named it; relative to the working directory).</summary>
    /// <exception cref="ConfigurationException">The file cannot be read, is not JSON, or does not follow the schema.</exception>
    public static PolicyConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] utf8;
        try
        {
            utf8 = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: error: cannot read the configuration file: {e.Message}", e);
        }
        return Parse(utf8, path, System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
    }

    /// <summary>Validates <paramref name="utf8"/> as the file <paramref name="path"/> whose relative paths are taken from <paramref name="directory"/>.</summary>
    /// <exception cref="ConfigurationException">The text is not JSON or does not follow the schema.</exception>
    public static PolicyConfiguration Parse(byte[] utf8, string path, string directory)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        // Skip a byte order mark: the reader refuses it.
        var text = utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new ConfigurationException($"{path}:{line}: error: not valid JSON: {FirstSentence(e.Message)}", e);
        }
        using (document)
        {
            var map = JsonLineMap.Of(text, ReaderOptions);
            var problems = Validate(document.RootElement, map, path);
            if (problems.Count > 0)
                throw new ConfigurationException(problems);
            return Read(document.RootElement, map, path, directory);
        }
    }

    private static List<string> Validate(JsonElement root, JsonLineMap map, string path)
    {
        var results = PolicySchema.Schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
            return [];
        var problems = new SortedSet<(int Line, string Text)>();
        foreach (var detail in (results.Details ?? []).Prepend(results).Where(d => d.Errors is { Count: > 0 }))
        {
            var pointer = detail.InstanceLocation.ToString().TrimStart('#');
            foreach (var (keyword, message) in detail.Errors!)
            {
                var explained = Explain(detail.EvaluationPath.ToString(), keyword, message, pointer);
                problems.Add((map.LineOf(pointer), $"{map.PathOf(pointer)}: {explained}"));
            }
        }
        return problems.Select(p => string.Create(CultureInfo.InvariantCulture, $"{path}:{p.Line}: error: {p.Text}")).ToList();
    }

    /// <summary>The values each enumerated property takes, by top-level property (the schema's enums).</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["severity"] = "error, warning, note, none",
        ["failLevel"] = "error, warning, note, never",
        ["failOn"] = "all, new",
    };

    /// <summary>Turns the schema library's wording into what the user did wrong where it is terse.</summary>
    private static string Explain(string evaluationPath, string keyword, string message, string pointer)
    {
        // additionalProperties: false fails at the unknown member itself, with a message about the "false schema".
        if (evaluationPath.Contains("/additionalProperties", StringComparison.Ordinal) && message.Contains("false", StringComparison.OrdinalIgnoreCase))
            return $"unknown property '{pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)}'";
        if (keyword == "pattern" && pointer.EndsWith("/justification", StringComparison.Ordinal))
            return "a justification must say why (it is empty)";
        if (keyword == "enum" && Allowed.TryGetValue(pointer.Split('/')[1], out var allowed))
            return $"expected one of {allowed}";
        return message;
    }

    private static PolicyConfiguration Read(JsonElement root, JsonLineMap map, string path, string directory)
    {
        var problems = new List<string>();
        var suppressions = new List<ConfiguredSuppression>();
        if (root.TryGetProperty("suppressions", out var entries))
        {
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var pointer = $"/suppressions/{index++}";
                Regex? rule = null;
                if (String(entry, "rule") is { } pattern)
                {
                    try
                    {
                        rule = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException e)
                    {
                        problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{map.LineOf(pointer + "/rule")}: error: {map.PathOf(pointer + "/rule")}: not a valid regular expression: {e.Message}"));
                    }
                }
                DateOnly? expires = String(entry, "expires") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
                suppressions.Add(new ConfiguredSuppression(
                    String(entry, "policy")!, String(entry, "snapshots"), String(entry, "chain"), rule,
                    String(entry, "justification")!.Trim(), expires, map.LineOf(pointer)));
            }
        }
        if (problems.Count > 0)
            throw new ConfigurationException(problems);

        var outputs = root.TryGetProperty("outputs", out var o) ? o : default;
        return new PolicyConfiguration
        {
            Path = path,
            Directory = directory,
            Policies = Strings(root, "policies").Select(p => Absolute(directory, p)).ToArray(),
            Snapshots = Strings(root, "snapshots").Select(p => Absolute(directory, p)).ToArray(),
            NoBuiltin = root.TryGetProperty("noBuiltin", out var noBuiltin) && noBuiltin.GetBoolean(),
            IdSeverities = Severities(root, "ids", StringComparer.Ordinal),
            CategorySeverities = Severities(root, "categories", StringComparer.OrdinalIgnoreCase),
            Disabled = Strings(root, "disabled").ToHashSet(StringComparer.Ordinal),
            Suppressions = suppressions,
            FailLevel = String(root, "failLevel"),
            FailOn = String(root, "failOn"),
            Baseline = String(root, "baseline") is { } baseline ? Absolute(directory, baseline) : null,
            Outputs = outputs.ValueKind == JsonValueKind.Object
                ? new ConfigurationOutputs(
                    String(outputs, "sarif") is { } sarif ? Absolute(directory, sarif) : null,
                    String(outputs, "junit") is { } junit ? Absolute(directory, junit) : null,
                    String(outputs, "json") is { } json ? Absolute(directory, json) : null)
                : ConfigurationOutputs.None,
        };
    }

    private static Dictionary<string, Severity?> Severities(JsonElement root, string kind, StringComparer comparer)
    {
        var severities = new Dictionary<string, Severity?>(comparer);
        if (root.TryGetProperty("severity", out var severity) && severity.TryGetProperty(kind, out var entries))
        {
            foreach (var entry in entries.EnumerateObject())
            {
                severities[entry.Name] = entry.Value.GetString() switch
                {
                    "error" => Severity.Error,
                    "warning" => Severity.Warning,
                    "note" => Severity.Note,
                    _ => null,
                };
            }
        }
        return severities;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.EnumerateArray().Select(v => v.GetString()!) : [];

    private static string Absolute(string directory, string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(directory, path);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
