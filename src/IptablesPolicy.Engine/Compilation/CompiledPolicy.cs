using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>What compiling one policy produced: its assembly (none when it failed), the descriptors it declares and the problems found.</summary>
internal sealed record CompiledPolicy(
    PolicySource Source,
    IReadOnlyList<PolicyDescriptor> Descriptors,
    IReadOnlyList<CompileProblem> Problems,
    byte[]? Assembly,
    byte[]? Symbols,
    string? EntryType,
    bool FromCache);
