using System.Reflection;

namespace IptablesPolicy.Engine.Sources;

/// <summary>
/// The built-in pack: every <c>.csx</c> and <c>.md</c> under the repository's <c>policies/</c> folder, embedded
/// in this assembly as <c>policies/...</c> resources and addressed as <c>builtin:policies/...</c>.
/// </summary>
public sealed class BuiltInPolicies : IPolicyFiles
{
    /// <summary>The scheme that marks built-in paths.</summary>
    public const string Scheme = "builtin:";

    private static readonly Assembly Resources = typeof(BuiltInPolicies).Assembly;
    private static readonly BuiltInPolicies Instance = new();

    private BuiltInPolicies()
    {
    }

    /// <summary>The built-in policies (helper scripts whose name starts with <c>_</c> left out), sorted by path.</summary>
    public static IReadOnlyList<PolicySource> All()
    {
        var names = Resources.GetManifestResourceNames()
            .Where(n => n.StartsWith("policies/", StringComparison.Ordinal) && n.EndsWith(".csx", StringComparison.Ordinal))
            .Where(n => !Path.GetFileName(n).StartsWith('_'))
            .Order(StringComparer.Ordinal);
        return names.Select(n => new PolicySource(Scheme + n, Scheme + n, Instance.ReadText(Scheme + n)!, PolicyOrigin.BuiltIn, Instance)).ToArray();
    }

    string IPolicyFiles.Resolve(string path, string baseFilePath)
    {
        var folder = baseFilePath[Scheme.Length..];
        var slash = folder.LastIndexOf('/');
        var parts = new List<string>((slash < 0 ? "" : folder[..slash]).Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }
        return Scheme + string.Join('/', parts);
    }

    /// <inheritdoc cref="IPolicyFiles.ReadText"/>
    public string? ReadText(string resolvedPath)
    {
        if (!resolvedPath.StartsWith(Scheme, StringComparison.Ordinal))
            return null;
        using var stream = Resources.GetManifestResourceStream(resolvedPath[Scheme.Length..]);
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
