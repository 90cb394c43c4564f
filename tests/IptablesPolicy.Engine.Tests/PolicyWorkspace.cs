using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Engine.Sources;

namespace IptablesPolicy.Engine.Tests;

/// <summary>A throw-away folder of policy scripts with its own compile cache, for tests.</summary>
internal sealed class PolicyWorkspace : IDisposable
{
    public PolicyWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "iptables-policy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        CacheDirectory = Path.Combine(Root, ".cache");
    }

    public string Root { get; }

    public string CacheDirectory { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public PolicyEngine Engine(bool allowUnrestricted = false, TimeSpan? timeout = null, bool measureTime = false) =>
        new(new EngineOptions
        {
            CacheDirectory = CacheDirectory,
            AllowUnrestricted = allowUnrestricted,
            Run = new RunOptions { PolicyTimeout = timeout ?? TimeSpan.FromSeconds(30), MeasureTime = measureTime },
        });

    public PolicySet Load(params string[] policyPaths) => Engine().Load(policyPaths.Select(p => PolicySource.FromFile(Path.Combine(Root, p))));

    public CheckResult Check(string snapshotText, params string[] policyPaths) => Check(Engine(), snapshotText, policyPaths);

    public CheckResult Check(PolicyEngine engine, string snapshotText, params string[] policyPaths)
    {
        var set = engine.Load(policyPaths.Select(p => PolicySource.FromFile(Path.Combine(Root, p))));
        return engine.Check(set, [Snapshot(snapshotText)]);
    }

    public static Snapshot Snapshot(string text, string path = "rules.v4") => SnapshotReader.Parse(text, path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A timed-out policy thread may still hold nothing on disk; best effort only.
        }
    }
}
