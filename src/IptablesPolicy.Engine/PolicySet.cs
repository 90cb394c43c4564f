using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine;

/// <summary>The policies of a run after loading: those ready to run, every descriptor they declare, and the faults
/// of those that could not be loaded (compile errors, restricted APIs, bad or duplicate descriptors).</summary>
public sealed class PolicySet
{
    internal PolicySet(IReadOnlyList<LoadedPolicy> policies, IReadOnlyList<PolicyFault> faults, int compiledCount)
    {
        Policies = policies;
        Faults = faults;
        CompiledCount = compiledCount;
        Descriptors = policies.SelectMany(p => p.Descriptors).OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The policies that loaded, built-in pack first, then by path.</summary>
    public IReadOnlyList<LoadedPolicy> Policies { get; }

    /// <summary>Every descriptor of the loaded policies, sorted by id.</summary>
    public IReadOnlyList<PolicyDescriptor> Descriptors { get; }

    /// <summary>Why some policies did not load, sorted.</summary>
    public IReadOnlyList<PolicyFault> Faults { get; }

    /// <summary>How many policies were compiled in this run; the others came from the compile cache.</summary>
    public int CompiledCount { get; }

    /// <summary>The loaded policies that declare any of <paramref name="ids"/> (without the load faults): what a test runs.</summary>
    public PolicySet Declaring(IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return new PolicySet(Policies.Where(p => p.Descriptors.Any(d => wanted.Contains(d.Id))).ToArray(), [], CompiledCount);
    }

    /// <summary>How many policies came from the compile cache.</summary>
    public int FromCacheCount => Policies.Count(p => p.FromCache);
}
