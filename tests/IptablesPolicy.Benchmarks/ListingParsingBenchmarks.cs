using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Benchmarks;

/// <summary>
/// Reading <c>iptables -t nat -vnxL</c> of a kube-proxy-shaped ruleset next to reading its iptables-save
/// text. The listing is the real tool's: the generated ruleset is loaded into a throw-away network
/// namespace and listed there (needs root, ip and iptables-nft); <c>IPTABLES_POLICY_LISTING</c> may instead
/// name a listing captured earlier (with its save file beside it as FILE.v4).
/// </summary>
[MemoryDiagnoser]
public class ListingParsingBenchmarks
{
    private string savePath = "";
    private string listingPath = "";

    [Params(1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void CaptureListing()
    {
        if (Environment.GetEnvironmentVariable("IPTABLES_POLICY_LISTING") is { Length: > 0 } captured)
        {
            (listingPath, savePath) = (captured, captured + ".v4");
            return;
        }
        var stem = Path.Combine(Path.GetTempPath(), $"ipp-bench-listing-{Services}-{Environment.ProcessId}");
        savePath = stem + ".v4";
        listingPath = stem + ".vnL.txt";
        KubeProxyRuleset.Create(new KubeProxyRulesetOptions { Services = Services }).WriteToFile(savePath);
        var ns = "ipp-bench-" + Environment.ProcessId;
        Run("ip", $"netns add {ns}");
        try
        {
            Run("ip", $"netns exec {ns} iptables-nft-restore {savePath}");
            var listing = Run("ip", $"netns exec {ns} iptables-nft -t nat -vnxL");
            File.WriteAllText(listingPath, "root@node:~# iptables -t nat -vnxL\n" + listing);
        }
        finally
        {
            Run("ip", $"netns del {ns}");
        }
    }

    [GlobalCleanup]
    public void DeleteFiles()
    {
        if (Environment.GetEnvironmentVariable("IPTABLES_POLICY_LISTING") is { Length: > 0 })
            return;
        File.Delete(savePath);
        File.Delete(listingPath);
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Snapshot> ParseSave() => SnapshotReader.ReadFile(savePath);

    [Benchmark]
    public IReadOnlyList<Snapshot> ParseListing() => SnapshotReader.ReadFile(listingPath);

    private static string Run(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}): {error}");
        return output.Result;
    }
}
