using System.Text.Json;
using System.Text.Json.Serialization;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>
/// Compiled policies on disk, one folder per <see cref="CacheKey"/> holding the assembly, its symbols and a
/// manifest (descriptors, compile problems; failures are cached too). A folder is written under a temporary
/// name and renamed into place, so concurrent runs never read half an entry and the first writer wins.
/// </summary>
internal sealed partial class CompileCache(string directory)
{
    private const string Manifest = "policy.json";
    private const string AssemblyFile = "policy.dll";
    private const string SymbolsFile = "policy.pdb";

    public string Directory { get; } = Path.Combine(directory, "v1");

    /// <summary>The default folder: <c>$XDG_CACHE_HOME/iptables-policy</c>, else <c>~/.cache/iptables-policy</c> (the local application data folder on Windows).</summary>
    public static string DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg))
            return Path.Combine(xdg, "iptables-policy");
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "iptables-policy", "cache");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "iptables-policy");
    }

    public CompiledPolicy? TryRead(string key, PolicySource source)
    {
        var folder = Path.Combine(Directory, key);
        try
        {
            var manifestPath = Path.Combine(folder, Manifest);
            if (!File.Exists(manifestPath))
                return null;
            var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(manifestPath), CacheJson.Default.CacheManifest);
            if (manifest is null)
                return null;
            var assembly = manifest.EntryType is null ? null : File.ReadAllBytes(Path.Combine(folder, AssemblyFile));
            var symbols = manifest.EntryType is null ? null : File.ReadAllBytes(Path.Combine(folder, SymbolsFile));
            return new CompiledPolicy(
                source,
                manifest.Descriptors.Select(d => d.ToDescriptor()).ToArray(),
                manifest.Problems.Select(p => new CompileProblem(p.Kind, new SourceSpan(p.Path, p.Line, p.Column, p.EndColumn), p.Message)).ToArray(),
                assembly,
                symbols,
                manifest.EntryType,
                FromCache: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Stores a compiled policy; returns false (and leaves no trace) when the folder cannot be written.</summary>
    public bool TryWrite(string key, CompiledPolicy compiled)
    {
        var final = Path.Combine(Directory, key);
        var temporary = Path.Combine(Directory, $".tmp-{key}-{Guid.NewGuid():N}");
        try
        {
            System.IO.Directory.CreateDirectory(temporary);
            var manifest = new CacheManifest(
                compiled.EntryType,
                compiled.Descriptors.Select(CachedDescriptor.From).ToArray(),
                compiled.Problems.Select(p => new CachedProblem(p.Kind, p.Span.Path, p.Span.Line, p.Span.StartColumn, p.Span.EndColumn, p.Message)).ToArray());
            if (compiled.Assembly is not null)
            {
                File.WriteAllBytes(Path.Combine(temporary, AssemblyFile), compiled.Assembly);
                File.WriteAllBytes(Path.Combine(temporary, SymbolsFile), compiled.Symbols ?? []);
            }
            // The manifest last: a folder with a manifest is complete.
            File.WriteAllBytes(Path.Combine(temporary, Manifest), JsonSerializer.SerializeToUtf8Bytes(manifest, CacheJson.Default.CacheManifest));
            try
            {
                System.IO.Directory.Move(temporary, final);
            }
            catch (IOException) when (System.IO.Directory.Exists(final))
            {
                // Another run stored the same key first; its entry is identical.
                System.IO.Directory.Delete(temporary, recursive: true);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (System.IO.Directory.Exists(folder))
                System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run to overwrite; a temporary folder is never read.
        }
    }

    // Serialization code generated at build time: a warm run reads every policy's manifest, and reflection-based
    // serialization would first build its metadata and compile its converters in every process.
    [JsonSourceGenerationOptions(WriteIndented = true)]
    [JsonSerializable(typeof(CacheManifest))]
    private sealed partial class CacheJson : JsonSerializerContext;

    private sealed record CacheManifest(string? EntryType, CachedDescriptor[] Descriptors, CachedProblem[] Problems);

    private sealed record CachedProblem(FaultKind Kind, string Path, int Line, int Column, int EndColumn, string Message);

    private sealed record CachedDescriptor(string Id, string Title, string MessageFormat, string Category, Severity DefaultSeverity,
        bool IsEnabledByDefault, string? Description, string? HelpMarkdown, string? HelpUri, string[] Tags)
    {
        public static CachedDescriptor From(PolicyDescriptor d) =>
            new(d.Id, d.Title, d.MessageFormat, d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description, d.HelpMarkdown, d.HelpUri, d.Tags.ToArray());

        public PolicyDescriptor ToDescriptor() =>
            new(Id, Title, MessageFormat, Category, DefaultSeverity, IsEnabledByDefault, Description, HelpMarkdown, HelpUri, Tags);
    }
}
