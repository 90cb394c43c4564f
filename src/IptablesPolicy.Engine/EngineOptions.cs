using IptablesPolicy.Engine.Running;

namespace IptablesPolicy.Engine;

/// <summary>How the engine compiles and runs policies.</summary>
public sealed record EngineOptions
{
    /// <summary>Where compiled policies are cached; null for the default folder (see <see cref="DefaultCacheDirectory"/>).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>False to compile every policy in memory and write no cache.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Lets policies use the file system, processes, the network, the console and reflection.</summary>
    public bool AllowUnrestricted { get; init; }

    /// <summary>Time limit, parallelism and severities of a run.</summary>
    public RunOptions Run { get; init; } = new();

    /// <summary>The default cache folder: <c>$XDG_CACHE_HOME/iptables-policy</c>, else <c>~/.cache/iptables-policy</c>.</summary>
    public static string DefaultCacheDirectory => Compilation.CompileCache.DefaultDirectory();
}
