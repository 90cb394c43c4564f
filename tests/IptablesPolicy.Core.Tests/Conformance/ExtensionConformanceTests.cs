using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Conformance;

/// <summary>
/// netfilter's own rule-syntax tests as the parser's conformance suite: each OK line, typed as iptables
/// arguments, renders to the canonical save text; that text reads back unchanged; each FAIL line is rejected.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExtensionConformanceTests
{
    private static IEnumerable<TestCaseData> OkLines() =>
        NetfilterTestFiles.Lines.Where(l => l.Result == "OK").Select(l => new TestCaseData(l).SetArgDisplayNames(l.ToString()));

    private static IEnumerable<TestCaseData> FailLines() =>
        NetfilterTestFiles.Lines.Where(l => l.Result == "FAIL").Select(l => new TestCaseData(l).SetArgDisplayNames(l.ToString()));

    [TestCaseSource(nameof(OkLines))]
    public void Ok_line_renders_to_the_expected_save_text(CorpusRuleLine line) =>
        Check(line, "ok", RenderCommandLine(line), line.Expected);

    [TestCaseSource(nameof(OkLines))]
    public void Expected_save_text_reads_back_unchanged(CorpusRuleLine line) =>
        Check(line, "roundtrip", RenderSaveText(line), line.Expected);

    [TestCaseSource(nameof(FailLines))]
    public void Fail_line_is_rejected_with_a_diagnostic(CorpusRuleLine line) =>
        Check(line, "fail", IsRejected(line) ? "rejected" : "accepted", "rejected");

    [Test]
    public void Prints_the_conformance_counts()
    {
        Prerequisites.RequireCorpus();
        var ok = NetfilterTestFiles.Lines.Where(l => l.Result == "OK").ToList();
        var fail = NetfilterTestFiles.Lines.Where(l => l.Result == "FAIL").ToList();
        var notRendered = ok.Where(l => RenderCommandLine(l) != l.Expected).Select(l => (Line: l, Kind: "ok")).ToList();
        var notRoundTripped = ok.Where(l => RenderSaveText(l) != l.Expected).Select(l => (Line: l, Kind: "roundtrip")).ToList();
        var notRejected = fail.Where(l => !IsRejected(l)).Select(l => (Line: l, Kind: "fail")).ToList();
        TestContext.Progress.WriteLine($"OK lines rendered exactly: {ok.Count - notRendered.Count} of {ok.Count}");
        TestContext.Progress.WriteLine($"Expected save texts read back unchanged: {ok.Count - notRoundTripped.Count} of {ok.Count}");
        TestContext.Progress.WriteLine($"FAIL lines rejected: {fail.Count - notRejected.Count} of {fail.Count}");
        var nonConforming = notRendered.Concat(notRoundTripped).Concat(notRejected).ToList();
        TestContext.Progress.WriteLine($"Listed exceptions: {nonConforming.Count} lines");
        nonConforming.Where(n => ConformanceExceptions.ReasonFor(n.Line, n.Kind) is null)
            .Select(n => ConformanceExceptions.Key(n.Line, n.Kind))
            .ShouldBeEmpty("every line that does not conform must be listed in Conformance/exceptions/*.txt with its reason");
        var used = nonConforming.SelectMany(n => new[] { ConformanceExceptions.Key(n.Line, n.Kind), $"{n.Line.File}:{n.Line.Line} * {n.Kind}" }).ToHashSet();
        ConformanceExceptions.All.Keys.Where(k => !used.Contains(k))
            .ShouldBeEmpty("an exception whose line now conforms (or does not exist) must be removed from Conformance/exceptions/*.txt and the README");
    }

    internal static string RenderCommandLine(CorpusRuleLine line)
    {
        var snapshot = SingleRuleParser.Parse(line.Chain, line.Rule, line.Family, line.Table, QuotingStyle.Shell);
        return Describe(snapshot, line.Chain);
    }

    internal static string RenderSaveText(CorpusRuleLine line)
    {
        var snapshot = SingleRuleParser.Parse(line.Chain, line.Expected, line.Family, line.Table, QuotingStyle.Restore);
        return Describe(snapshot, line.Chain);
    }

    internal static bool IsRejected(CorpusRuleLine line) =>
        SingleRuleParser.Parse(line.Chain, line.Rule, line.Family, line.Table, QuotingStyle.Shell).HasErrors;

    /// <summary>The rule's save text after <c>-A CHAIN </c>, or the errors when there are any.</summary>
    private static string Describe(Snapshot snapshot, string chain)
    {
        if (snapshot.HasErrors)
            return "errors: " + string.Join("; ", snapshot.Diagnostics.Select(d => d.Message));
        var text = snapshot.Rules.Single().Text;
        var prefix = $"-A {chain} ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : string.Empty;
    }

    private static void Check(CorpusRuleLine line, string kind, string actual, string expected)
    {
        Prerequisites.RequireCorpus();
        var reason = ConformanceExceptions.ReasonFor(line, kind);
        if (reason is null)
        {
            actual.ShouldBe(expected, $"{line.File}:{line.Line} {line.Rule}");
            return;
        }
        if (actual == expected)
            Assert.Fail($"{ConformanceExceptions.Key(line, kind)} now conforms: remove it from Conformance/exceptions/*.txt and the README");
        Assert.Ignore($"known exception: {reason}");
    }
}
