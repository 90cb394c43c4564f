using System.Text;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>
/// Compiles a policy script with Roslyn scripting against <see cref="CuratedReferences"/>, with
/// <see cref="PolicyContext"/> as its globals, then reads its descriptors and checks it for restricted APIs.
/// The result is served from the <see cref="CompileCache"/> when its key is there.
/// </summary>
internal sealed class PolicyCompiler(CompileCache? cache, bool allowUnrestricted)
{
    private int compiled;

    /// <summary>How many policies this compiler actually compiled (not served from the cache).</summary>
    public int CompiledCount => compiled;

    public CompiledPolicy Compile(PolicySource source)
    {
        var key = CacheKey.For(source, allowUnrestricted);
        if (cache?.TryRead(key, source) is { } cached)
            return cached;
        var result = CompileNow(source);
        Interlocked.Increment(ref compiled);
        cache?.TryWrite(key, result);
        return result;
    }

    private CompiledPolicy CompileNow(PolicySource source)
    {
        var options = ScriptOptions.Default
            .WithReferences(CuratedReferences.All)
            .WithImports(CuratedReferences.Imports)
            .WithSourceResolver(new PolicySourceResolver(source.Files))
            .WithMetadataResolver(NoMetadataResolver.Instance)
            .WithFilePath(source.Path)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(false);
        var script = CSharpScript.Create<object>(source.Text, options, typeof(PolicyContext));
        var compilation = script.GetCompilation();
        var problems = new List<CompileProblem>();

        // Emit binds every method body and reports the compiler's errors itself: asking GetDiagnostics first
        // would bind them all a second time (a fifth of a cold compile). The bytes are kept only when the
        // checks below pass.
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!emitted.Success)
        {
            foreach (var diagnostic in emitted.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                problems.Add(new CompileProblem(FaultKind.CompileError, Spans.Of(diagnostic.Location, source.Path), $"{diagnostic.Id}: {MessageOf(diagnostic)}"));
            return Failed(source, problems);
        }

        var descriptors = DescriptorExtractor.Extract(compilation, source.Path, problems);
        if (descriptors.Count == 0 && problems.Count == 0)
        {
            if (!PolicyDescriptor.IsValidId(source.Name))
                problems.Add(new CompileProblem(FaultKind.InvalidDescriptor, new SourceSpan(source.Path, 1, 1, 2),
                    $"the policy declares no descriptor and its file name '{source.Name}' is not a valid id (a letter, then letters, digits, '-', '_' or '.'): rename it or declare a PolicyDescriptor"));
            else
                descriptors = [ImplicitDescriptor(source)];
        }
        if (!allowUnrestricted)
            RestrictedApiChecker.Check(compilation, source.Path, problems);
        if (problems.Count > 0)
            return Failed(source, problems);
        var entry = compilation.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("a script compilation always has an entry point");
        return new CompiledPolicy(source, descriptors, [], assembly.ToArray(), symbols.ToArray(), entry.ContainingType.MetadataName, FromCache: false);
    }

    /// <summary>The descriptor of a policy that declares none: named after its file, a warning, category Custom.</summary>
    public static PolicyDescriptor ImplicitDescriptor(PolicySource source) =>
        new(source.Name, source.Name, "{0}", "Custom", Severity.Warning);

    private static CompiledPolicy Failed(PolicySource source, List<CompileProblem> problems) =>
        new(source, [], problems, null, null, null, FromCache: false);

    private static string MessageOf(Microsoft.CodeAnalysis.Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return diagnostic.Id == "CS0006"
            ? message + " (#r is not supported: policies compile against a fixed set of assemblies)"
            : message;
    }
}
