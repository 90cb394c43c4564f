using System.Text.Json;
using System.Text.Json.Nodes;

namespace IptablesPolicy.Build.ReadyToRun;

/// <summary>
/// Declares ReadyToRun copies in an application's deps.json as RID-specific runtime assets of their
/// libraries (<c>runtimeTargets</c>). The host then puts the copy for its own runtime identifier on the
/// application's assembly list, and the library's IL copy everywhere else, as for a NuGet package's
/// <c>runtimes/RID/lib/</c> assets: an image compiled for another platform would not load at all.
/// </summary>
internal sealed class DepsFilePatcher
{
    private readonly string path;
    private readonly JsonObject root;
    private readonly JsonObject libraries;

    public DepsFilePatcher(string path)
    {
        this.path = path;
        root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidOperationException($"{path} is empty");
        var targetName = root["runtimeTarget"]?["name"]?.GetValue<string>() ?? throw new InvalidOperationException($"{path} names no runtimeTarget");
        libraries = root["targets"]?[targetName]?.AsObject() ?? throw new InvalidOperationException($"{path} has no target {targetName}");
    }

    /// <summary>The file names of the libraries' runtime assets (the managed assemblies the host loads).</summary>
    public IReadOnlySet<string> RuntimeAssetFiles() =>
        libraries.Select(library => library.Value?["runtime"] as JsonObject)
            .OfType<JsonObject>()
            .SelectMany(runtime => runtime.Select(asset => Path.GetFileName(asset.Key)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Declares <c>runtimes/RID/lib/TFM/FILE</c> for each compiled file, with its IL copy's versions, and saves the file.</summary>
    public void AddRuntimeTargets(string runtimeIdentifier, string targetFrameworkFolder, IReadOnlyCollection<string> compiledFiles)
    {
        var compiled = compiledFiles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, library) in libraries)
        {
            if (library?["runtime"] is not JsonObject runtime)
                continue;
            var targets = library["runtimeTargets"] as JsonObject;
            foreach (var (assetPath, asset) in runtime)
            {
                var file = Path.GetFileName(assetPath);
                if (!compiled.Contains(file))
                    continue;
                var entry = new JsonObject { ["rid"] = runtimeIdentifier, ["assetType"] = "runtime" };
                if (asset is JsonObject versions)
                {
                    foreach (var (name, value) in versions)
                        entry[name] = value?.DeepClone();
                }
                if (targets is null)
                    library["runtimeTargets"] = targets = new JsonObject();
                targets[$"runtimes/{runtimeIdentifier}/lib/{targetFrameworkFolder}/{file}"] = entry;
            }
        }
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
