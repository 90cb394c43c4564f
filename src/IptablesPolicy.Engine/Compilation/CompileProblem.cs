using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>A problem found while compiling a policy, at its place in the script (or a file it loads).</summary>
internal sealed record CompileProblem(FaultKind Kind, SourceSpan Span, string Message);
