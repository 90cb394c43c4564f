using System.Security.Cryptography;
using System.Text;
using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>
/// The compile cache key: a hash of everything that changes what compiling a policy produces: the script's
/// path and text, every file it <c>#load</c>s (path and text), whether restricted APIs are allowed, and the
/// exact build of the tool (the module version ids of the engine, the policy API and the model, which change
/// with every build, so a new tool never runs a policy compiled against an old API).
/// </summary>
internal static class CacheKey
{
    private static readonly string ToolIdentity = string.Join('|',
        typeof(CacheKey).Assembly.ManifestModule.ModuleVersionId,
        typeof(Sdk.PolicyContext).Assembly.ManifestModule.ModuleVersionId,
        typeof(Core.Model.Snapshot).Assembly.ManifestModule.ModuleVersionId,
        typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version);

    public static string For(PolicySource source, bool allowUnrestricted)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, "tool", ToolIdentity);
        Add(hash, "unrestricted", allowUnrestricted ? "1" : "0");
        Add(hash, "path", source.Path);
        Add(hash, "text", source.Text);
        foreach (var loaded in source.LoadedFiles)
        {
            Add(hash, "load", loaded.Path);
            Add(hash, "text", loaded.Text ?? "\0missing");
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Add(IncrementalHash hash, string field, string value)
    {
        // Length-prefixed so that no two different inputs can produce the same byte stream.
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(Encoding.UTF8.GetBytes($"{field}:{bytes.Length}:"));
        hash.AppendData(bytes);
    }
}
