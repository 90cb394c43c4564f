using System.Text.Json;
using IptablesPolicy.Engine.Configuration;

namespace IptablesPolicy.Engine.Baselines;

/// <summary>
/// Reads the results of an earlier run from its SARIF file (<c>runs[0].results</c>). Results the earlier run itself
/// marked <c>absent</c> were already fixed then and are left out; results without a fingerprint cannot be matched
/// and are left out too.
/// </summary>
public static class SarifBaselineReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read or is not SARIF with a <c>runs</c> array.</exception>
    public static IReadOnlyList<BaselineResult> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Read(document.RootElement);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: error: cannot read the baseline: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{path}:{(e.LineNumber ?? 0) + 1}: error: the baseline is not valid JSON", e);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException($"{path}: error: the baseline is not a SARIF log: {e.Message}", e);
        }
    }

    /// <summary>Reads the results of a parsed SARIF log.</summary>
    public static IReadOnlyList<BaselineResult> Read(JsonElement log)
    {
        if (log.ValueKind != JsonValueKind.Object || !log.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            throw new InvalidOperationException("it has no 'runs' array");
        if (runs.GetArrayLength() == 0 || !runs[0].TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            return [];
        var read = new List<BaselineResult>();
        foreach (var result in results.EnumerateArray())
        {
            if (String(result, "baselineState") == "absent")
                continue;
            var fingerprint = result.TryGetProperty("partialFingerprints", out var fingerprints) ? String(fingerprints, "primaryLocationLineHash") : null;
            var ruleId = String(result, "ruleId");
            if (fingerprint is null || ruleId is null)
                continue;
            var message = result.TryGetProperty("message", out var m) ? String(m, "text") ?? "" : "";
            var (uri, line) = Location(result);
            read.Add(new BaselineResult(ruleId, fingerprint, message, uri, line));
        }
        return read;
    }

    private static (string Uri, int Line) Location(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0
            || !locations[0].TryGetProperty("physicalLocation", out var physical))
            return ("", 0);
        var uri = physical.TryGetProperty("artifactLocation", out var artifact) ? String(artifact, "uri") ?? "" : "";
        var line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var start) && start.TryGetInt32(out var l) ? l : 0;
        return (uri, line);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
