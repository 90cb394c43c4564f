using System.CommandLine;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Cli.Commands;

/// <summary>The options every command that loads policies shares: which policies, the cache, and what they may do.</summary>
internal sealed class PolicyOptions
{
    public Option<string[]> Policies { get; } = new("--policies")
    {
        Description = "Policy scripts: a .csx file, a folder, or a glob such as 'policies/**/*.csx' (quote it), relative to the working directory or absolute. Repeatable. Files named _*.csx are helpers for #load, not policies.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> NoBuiltIn { get; } = new("--no-builtin")
    {
        Description = "Leave out the built-in policy pack.",
    };

    public Option<string?> CacheDirectory { get; } = new("--cache-dir")
    {
        Description = $"Where compiled policies are cached (default {EngineOptions.DefaultCacheDirectory}).",
    };

    public Option<bool> AllowUnrestricted { get; } = new("--allow-unrestricted-policies")
    {
        Description = "Let policies use the file system, processes, the network, the console and reflection. Only for policies you trust.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Policies);
        command.Options.Add(NoBuiltIn);
        command.Options.Add(CacheDirectory);
        command.Options.Add(AllowUnrestricted);
    }

    public EngineOptions EngineOptionsFor(ParseResult result, RunOptions run) => new()
    {
        CacheDirectory = result.GetValue(CacheDirectory),
        AllowUnrestricted = result.GetValue(AllowUnrestricted),
        Run = run,
    };

    /// <summary>
    /// The built-in pack (unless left out) then the user's policies; problems finding them go to <paramref name="error"/>.
    /// The configuration's <c>policies</c> apply when <c>--policies</c> is not given, its <c>noBuiltin</c> as <c>--no-builtin</c> does.
    /// </summary>
    public (IReadOnlyList<PolicySource> Sources, bool AllFound) Sources(ParseResult result, TextWriter error, PolicyConfiguration? configuration = null)
    {
        var sources = new List<PolicySource>();
        if (!result.GetValue(NoBuiltIn) && configuration?.NoBuiltin != true)
            sources.AddRange(BuiltInPolicies.All());
        var patterns = result.GetValue(Policies) is { Length: > 0 } given ? given : configuration?.Policies.ToArray() ?? [];
        var (found, problems) = PolicyFinder.Find(patterns);
        sources.AddRange(found);
        foreach (var problem in problems)
            error.WriteLine(problem);
        return (sources, problems.Count == 0);
    }
}
