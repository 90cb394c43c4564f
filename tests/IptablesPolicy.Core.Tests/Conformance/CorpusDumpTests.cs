using IptablesPolicy.Core.Rendering;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Conformance;

/// <summary>
/// netfilter's own iptables-save dumps (round-trip fixpoints of the real tool) parse without a diagnostic
/// and render back byte for byte, apart from the <c>#</c> comment lines and the blank lines between tables
/// that iptables-save never prints.
/// </summary>
[TestFixture]
public sealed class CorpusDumpTests
{
    private static IEnumerable<TestCaseData> Dumps()
    {
        var directory = Path.Combine(RepositoryPaths.Corpus, "iptables");
        if (!Directory.Exists(directory))
            return [];
        return Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".xml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(p).SetArgDisplayNames(Path.GetFileName(p)));
    }

    [TestCaseSource(nameof(Dumps))]
    public void Dump_parses_without_diagnostics(string path)
    {
        Prerequisites.RequireCorpus();
        var snapshot = SnapshotReader.ReadFile(path).ShouldHaveSingleItem();
        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Rules.ShouldNotBeEmpty();
    }

    [TestCaseSource(nameof(Dumps))]
    public void Dump_renders_back_byte_for_byte(string path)
    {
        Prerequisites.RequireCorpus();
        var snapshot = SnapshotReader.ReadFile(path).ShouldHaveSingleItem();
        using var writer = new StringWriter();
        SaveFormatWriter.Write(snapshot, writer, counters: snapshot.Rules.Any(r => r.Counters is not null));
        var expected = string.Concat(File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l + "\n"));
        writer.ToString().ShouldBe(expected);
    }
}
