using System.Text;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Oracle;

/// <summary>
/// The real iptables and the kernel as the oracle: each ruleset is loaded with <c>iptables-restore</c>
/// into a throw-away network namespace, read back with <c>iptables-save</c>, and compared rule by rule with
/// our rendering of our parse. Both backends: nft (<c>iptables-nft-*</c>) and legacy (<c>iptables-legacy-*</c>).
/// Needs root and the iptables package: skipped with the reason elsewhere, a failure under CI=true.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RoundTripOracleTests
{
    private static readonly string[] Backends = ["nft", "legacy"];

    private static IEnumerable<TestCaseData> Cases() =>
        from ruleset in OracleRuleset.All()
        from backend in Backends
        select new TestCaseData(ruleset, backend).SetArgDisplayNames(ruleset.Name, backend);

    [TestCaseSource(nameof(Cases))]
    public void Kernel_reads_back_what_we_render(OracleRuleset ruleset, string backend)
    {
        var text = ruleset.Text();
        var snapshot = SnapshotReader.ReadText(text, ruleset.Name).ShouldHaveSingleItem();
        var command = snapshot.Family == IpFamily.IPv6 ? "ip6tables" : "iptables";
        var restore = $"{command}-{backend}-restore";
        var save = $"{command}-{backend}-save";
        NetfilterTools.RequireBackend(command, backend);
        var counters = snapshot.Rules.Any(r => r.Counters is not null);

        string kernelText;
        using (var ns = NetworkNamespace.Create())
        {
            var loaded = ns.Run(restore, counters ? ["--counters"] : [], standardInput: text);
            loaded.Succeeded.ShouldBeTrue($"{restore} rejected {ruleset.Name}: {loaded}");
            var saved = ns.Run(save, counters ? ["--counters"] : []);
            saved.Succeeded.ShouldBeTrue($"{save}: {saved}");
            kernelText = saved.StandardOutput;
        }

        using var rendered = new StringWriter();
        SaveFormatWriter.Write(snapshot, rendered, counters);
        var ours = SaveTextLayout.Read(rendered.ToString(), counters);
        var kernel = SaveTextLayout.Read(kernelText, counters);
        kernel.DropEmptyTablesOtherThan(ours.TableNames);
        AssertSameLines(ours.Lines(), kernel.Lines(), $"{ruleset.Name} through {restore} and {save}", snapshot.Diagnostics);
        snapshot.Diagnostics.ShouldBeEmpty();
    }

    /// <summary>Fails with the differing lines (ours against the kernel's), and the parse diagnostics that may explain them.</summary>
    private static void AssertSameLines(IReadOnlyList<string> ours, IReadOnlyList<string> kernel, string what, IReadOnlyList<ParseDiagnostic> diagnostics)
    {
        var differing = Enumerable.Range(0, Math.Max(ours.Count, kernel.Count))
            .Where(i => i >= ours.Count || i >= kernel.Count || ours[i] != kernel[i])
            .ToList();
        if (differing.Count == 0)
            return;
        var message = new StringBuilder($"{what}: {differing.Count} line(s) differ (ours {ours.Count} lines, kernel {kernel.Count}):\n");
        foreach (var i in differing.Take(30))
        {
            message.Append($"  line {i + 1} ours:   {(i < ours.Count ? ours[i] : "<none>")}\n");
            message.Append($"  line {i + 1} kernel: {(i < kernel.Count ? kernel[i] : "<none>")}\n");
        }
        if (differing.Count > 30)
            message.Append($"  ... and {differing.Count - 30} more\n");
        foreach (var diagnostic in diagnostics)
            message.Append($"  diagnostic: {diagnostic}\n");
        Assert.Fail(message.ToString());
    }
}
