using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Compilation;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine;

/// <summary>
/// Loads policy scripts (compiling them, or taking them from the compile cache) and checks snapshots with them.
/// One engine per run; <see cref="Load"/> then <see cref="Check"/>.
/// </summary>
public sealed class PolicyEngine(EngineOptions options)
{
    private readonly PolicyCompiler compiler = new(
        options.UseCache ? new CompileCache(options.CacheDirectory ?? EngineOptions.DefaultCacheDirectory) : null,
        options.AllowUnrestricted);

    /// <summary>The options.</summary>
    public EngineOptions Options { get; } = options;

    /// <summary>Compiles (or takes from the cache) every policy, in parallel; reads help pages; rejects duplicate ids.
    /// Policies are kept in the order given (built-in pack first by convention), which decides who keeps a duplicate id.</summary>
    public PolicySet Load(IEnumerable<PolicySource> sources)
    {
        var list = sources.ToArray();
        var compiled = new CompiledPolicy[list.Length];
        Parallel.For(0, list.Length, i => compiled[i] = compiler.Compile(list[i]));

        var loaded = new List<LoadedPolicy>();
        var faults = new List<PolicyFault>();
        var owners = new Dictionary<string, PolicySource>(StringComparer.Ordinal);
        foreach (var policy in compiled)
        {
            var display = policy.Source.DisplayPath;
            if (policy.Problems.Count > 0 || policy.Assembly is null)
            {
                faults.AddRange(policy.Problems.Select(p => new PolicyFault(p.Kind, display, Display(p.Span), p.Message)));
                continue;
            }
            var duplicates = policy.Descriptors.Where(d => owners.ContainsKey(d.Id)).ToArray();
            if (duplicates.Length > 0)
            {
                foreach (var duplicate in duplicates)
                {
                    faults.Add(new PolicyFault(FaultKind.DuplicateId, display, new SourceSpan(display, 1, 1, 2),
                        $"the id '{duplicate.Id}' is already declared by {owners[duplicate.Id].DisplayPath}; ids must be unique, so this policy does not run"));
                }
                continue;
            }
            foreach (var descriptor in policy.Descriptors)
                owners[descriptor.Id] = policy.Source;
            loaded.Add(LoadedPolicy.Load(policy, policy.Descriptors.Select(d => WithHelpFile(d, policy.Source)).ToArray()));
        }
        return new PolicySet(loaded, FindingOrder.Sort(faults), compiler.CompiledCount);
    }

    /// <summary>Runs every enabled policy of <paramref name="policies"/> over every snapshot.</summary>
    public CheckResult Check(PolicySet policies, IReadOnlyList<Snapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(snapshots);
        var result = PolicyRunner.Run(policies, snapshots, Options.Run);
        var faults = result.Faults.Select(f => f with { Span = Display(f.Span) });
        return new CheckResult(result.Policies, result.Snapshots, result.Findings, FindingOrder.Sort(faults), result.Timings);
    }

    private static PolicyDescriptor WithHelpFile(PolicyDescriptor descriptor, PolicySource source)
    {
        if (descriptor.HelpMarkdown is not null)
            return descriptor;
        var help = source.Files.ReadText(source.Files.Resolve(descriptor.Id + ".md", source.Path));
        return help is null ? descriptor : descriptor.WithHelp(help);
    }

    private static SourceSpan Display(SourceSpan span) =>
        span.Path.StartsWith(BuiltInPolicies.Scheme, StringComparison.Ordinal) || !Path.IsPathRooted(span.Path)
            ? span
            : span with { Path = DisplayPath.Of(span.Path, null) };
}
