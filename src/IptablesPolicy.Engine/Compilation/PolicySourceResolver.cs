using System.Text;
using IptablesPolicy.Engine.Sources;
using Microsoft.CodeAnalysis;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>Lets Roslyn read <c>#load</c>ed scripts from disk or from the built-in pack, relative to the loading script.</summary>
internal sealed class PolicySourceResolver(IPolicyFiles files) : SourceReferenceResolver
{
    private readonly IPolicyFiles files = files;

    public override string? NormalizePath(string path, string? baseFilePath) =>
        baseFilePath is null ? path : files.Resolve(path, baseFilePath);

    public override string? ResolveReference(string path, string? baseFilePath)
    {
        var resolved = NormalizePath(path, baseFilePath);
        return resolved is not null && files.ReadText(resolved) is not null ? resolved : null;
    }

    public override Stream OpenRead(string resolvedPath) =>
        new MemoryStream(Encoding.UTF8.GetBytes(files.ReadText(resolvedPath) ?? throw new FileNotFoundException("no such policy file", resolvedPath)));

    public override bool Equals(object? other) => other is PolicySourceResolver resolver && ReferenceEquals(resolver.files, this.files);

    public override int GetHashCode() => files.GetHashCode();
}
