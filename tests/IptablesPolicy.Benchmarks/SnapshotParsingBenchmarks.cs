using BenchmarkDotNet.Attributes;
using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;
using IptablesPolicy.TestData.KubeProxy;

namespace IptablesPolicy.Benchmarks;

/// <summary>
/// Parse time and allocations for kube-proxy-shaped snapshots of 1k, 10k and 50k services (about 15k,
/// 150k and 750k lines), read from a file as <c>iptables-policy show</c> reads it; and the same plus the
/// JSON <c>show --format json</c> writes, to a null stream so that only our work is measured.
/// </summary>
[MemoryDiagnoser]
public class SnapshotParsingBenchmarks
{
    private string path = "";

    [Params(1_000, 10_000, 50_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void GenerateSnapshot()
    {
        path = Path.Combine(Path.GetTempPath(), $"ipp-bench-kube-proxy-{Services}-{Environment.ProcessId}.v4");
        KubeProxyRuleset.Create(new KubeProxyRulesetOptions { Services = Services }).WriteToFile(path);
    }

    [GlobalCleanup]
    public void DeleteSnapshot() => File.Delete(path);

    [Benchmark]
    public IReadOnlyList<Snapshot> Parse() => SnapshotReader.ReadFile(path);

    [Benchmark]
    public IReadOnlyList<Snapshot> ParseAndWriteJson()
    {
        var snapshots = SnapshotReader.ReadFile(path);
        SnapshotJsonWriter.Write(snapshots, Stream.Null);
        return snapshots;
    }
}
