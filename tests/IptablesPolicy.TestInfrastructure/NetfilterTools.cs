namespace IptablesPolicy.TestInfrastructure;

/// <summary>
/// The real iptables binaries and the kernel as an oracle: what is needed to use them here, and the
/// reason to give when it is missing (<see cref="Prerequisites.Require"/> skips, or fails under CI=true).
/// </summary>
public static class NetfilterTools
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> BackendProblems = new(StringComparer.Ordinal);

    /// <summary>Whether the effective user id is 0 (a container's root may have no user name).</summary>
    public static bool IsRoot => EffectiveUserId() == 0;

    /// <summary>Requires root and the named programs (e.g. <c>iptables-nft-restore</c>, <c>ip</c>).</summary>
    public static void Require(params string[] programs)
    {
        Prerequisites.Require(OperatingSystem.IsLinux(), "the iptables oracle needs Linux");
        Prerequisites.Require(IsRoot, "the iptables oracle needs root (network namespaces, iptables-restore)");
        foreach (var program in programs)
            Prerequisites.Require(ProcessRunner.Find(program) is not null, $"{program} not found (install the iptables and iproute2 packages)");
    }

    /// <summary>
    /// Requires a working backend: <paramref name="command"/> <c>iptables</c> or <c>ip6tables</c>,
    /// <paramref name="backend"/> <c>nft</c> or <c>legacy</c>. Probed once by restoring an empty filter
    /// table in a throw-away namespace, so that a kernel without the backend's modules reads as a missing
    /// prerequisite with the tool's own message rather than as a ruleset the kernel rejected.
    /// </summary>
    public static void RequireBackend(string command, string backend)
    {
        var restore = $"{command}-{backend}-restore";
        Require("ip", restore, $"{command}-{backend}-save");
        var problem = BackendProblems.GetOrAdd(restore, Probe);
        Prerequisites.Require(problem is null, $"the {backend} backend does not work on this machine: {problem}");
    }

    private static string? Probe(string restore)
    {
        using var ns = NetworkNamespace.Create();
        var result = ns.Run(restore, [], standardInput: "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
        return result.Succeeded ? null : $"{restore} cannot load an empty filter table: {result}";
    }

    private static uint EffectiveUserId()
    {
        try
        {
            // /proc/self/status: "Uid:\treal\teffective\t..."
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return line is null ? uint.MaxValue : uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return uint.MaxValue;
        }
    }
}
