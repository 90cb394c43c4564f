using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>Refuses every <c>#r</c>: policies compile against <see cref="CuratedReferences"/> only, so a policy cannot
/// bring its own assemblies (or NuGet packages) into the tool's process.</summary>
internal sealed class NoMetadataResolver : MetadataReferenceResolver
{
    public static readonly NoMetadataResolver Instance = new();

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        ImmutableArray<PortableExecutableReference>.Empty;

    public override bool Equals(object? other) => other is NoMetadataResolver;

    public override int GetHashCode() => 1;
}
