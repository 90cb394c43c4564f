using System.Reflection;
using IptablesPolicy.Engine.Compilation;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Running;

/// <summary>A compiled policy loaded into the process, ready to run over snapshots.</summary>
public sealed class LoadedPolicy
{
    private readonly Func<object?[], Task<object>> factory;

    private LoadedPolicy(PolicySource source, IReadOnlyList<PolicyDescriptor> descriptors, IReadOnlyList<string> files, Func<object?[], Task<object>> factory, bool fromCache)
    {
        Source = source;
        Descriptors = descriptors;
        Files = files;
        this.factory = factory;
        FromCache = fromCache;
    }

    /// <summary>The script.</summary>
    public PolicySource Source { get; }

    /// <summary>The descriptors it declares, in declaration order.</summary>
    public IReadOnlyList<PolicyDescriptor> Descriptors { get; }

    /// <summary>The script's path and every file it loads: where its exceptions are located.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Whether it came from the compile cache rather than the compiler.</summary>
    public bool FromCache { get; }

    /// <summary>Runs the script's body once over the context's snapshot, on the calling thread.</summary>
    public Task Run(PolicyContext context)
    {
        // A script's <Factory> takes the submission array: slot 0 the globals, slot 1 for the submission itself.
        var submission = new object?[2];
        submission[0] = context;
        return factory(submission);
    }

    internal static LoadedPolicy Load(CompiledPolicy compiled, IReadOnlyList<PolicyDescriptor> descriptors)
    {
        var assembly = Assembly.Load(compiled.Assembly!, compiled.Symbols);
        var type = assembly.GetType(compiled.EntryType!, throwOnError: true)!;
        var method = type.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{compiled.Source.Path}: the compiled script has no entry point");
        var factory = method.CreateDelegate<Func<object?[], Task<object>>>();
        var files = new[] { compiled.Source.Path }.Concat(compiled.Source.LoadedFiles.Select(f => f.Path)).ToArray();
        return new LoadedPolicy(compiled.Source, descriptors, files, factory, compiled.FromCache);
    }

    /// <inheritdoc/>
    public override string ToString() => Source.DisplayPath;
}
