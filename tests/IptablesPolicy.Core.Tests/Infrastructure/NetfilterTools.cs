namespace IptablesPolicy.Core.Tests.Infrastructure;

/// <summary>
/// The real iptables binaries and the kernel as an oracle: what is needed to use them here, and the
/// reason to give when it is missing (<see cref="Prerequisites.Require"/> skips, or fails under CI=true).
/// </summary>
internal static class NetfilterTools
{
    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || GetEuid() == 0;

    /// <summary>Requires root and the named programs (e.g. <c>iptables-nft-restore</c>, <c>ip</c>).</summary>
    public static void Require(params string[] programs)
    {
        Prerequisites.Require(OperatingSystem.IsLinux(), "the iptables oracle needs Linux");
        Prerequisites.Require(IsRoot, "the iptables oracle needs root (network namespaces, iptables-restore)");
        foreach (var program in programs)
            Prerequisites.Require(ProcessRunner.Find(program) is not null, $"{program} not found (install the iptables and iproute2 packages)");
    }

    private static uint GetEuid()
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
