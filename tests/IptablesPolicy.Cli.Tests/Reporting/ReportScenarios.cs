using IptablesPolicy.Cli.Input;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Reporting;

namespace IptablesPolicy.Cli.Tests.Reporting;

/// <summary>
/// Real check results for the report tests: the example ruleset under the example policy and a test pack with
/// every severity, a security policy, a disabled policy, one that throws and one that does not compile; then the
/// same result with the suppressions, baseline states and absent results the configuration would add.
/// </summary>
internal static class ReportScenarios
{
    public const string TestPolicy = """
        var secure = new PolicyDescriptor("TST001", "Accepted traffic", "{0} accepts traffic", "Security", Severity.Error, tags: ["security"]);
        var warn = new PolicyDescriptor("TST002", "Jump to a KUBE chain", "a jump to {0}", "Kubernetes", Severity.Warning, helpUri: "https://example.com/TST002");
        var note = new PolicyDescriptor("TST003", "Every rule", "rule | with <special> chars, % and \"quotes\": {0}", "Hygiene", Severity.Note, description: "Reports every rule.");
        var optIn = new PolicyDescriptor("TST004", "Opt-in", "never on by default", "Hygiene", Severity.Error, isEnabledByDefault: false);
        foreach (var rule in Rules)
        {
            if (rule.Target.Name == "ACCEPT")
                Report(secure, rule, rule.Chain.Name);
            if (rule.Target.Name.StartsWith("KUBE-"))
                Report(warn, rule, rule.Target.Name);
            Report(note, rule, rule.Chain.Name);
        }
        """;

    private static readonly Lazy<string> Folder = new(CreateFolder);

    /// <summary>The folder holding the scenario policies and their compile cache.</summary>
    public static string PolicyFolder => Folder.Value;

    /// <summary>Deletes the scenario folder, when a test made it.</summary>
    public static void DeleteFolder()
    {
        if (Folder.IsValueCreated && Directory.Exists(Folder.Value))
            Directory.Delete(Folder.Value, recursive: true);
    }

    /// <summary>The ruleset every scenario checks, relative to the repository root.</summary>
    public const string Ruleset = "examples/rulesets/aks-node.v4";

    /// <summary>Options with the repository root as source root.</summary>
    public static ReportOptions Options(int maxResults = ReportOptions.DefaultMaxResults, bool includeSuppressed = false, string? category = null) => new()
    {
        SourceRoot = CliRunner.RepositoryRoot,
        WorkingDirectory = CliRunner.RepositoryRoot,
        MaxResults = maxResults,
        IncludeSuppressed = includeSuppressed,
        Category = category,
    };

    /// <summary>ACME001 and the test pack over the example ruleset.</summary>
    public static CheckResult Plain() => Check(["ACME001.csx", "TEST.csx"]);

    /// <summary>As <see cref="Plain"/>, plus a policy that throws on every snapshot and one that does not compile.</summary>
    public static CheckResult WithFaults() => Check(["ACME001.csx", "TEST.csx", "THROWS.csx", "BROKEN.csx"]);

    /// <summary>As <see cref="Plain"/>, plus a snapshot outside the repository with lines that cannot be read.</summary>
    public static CheckResult WithSnapshotProblems() => Check(["ACME001.csx", "TEST.csx"], Path.Combine(PolicyFolder, "broken.v4"));

    /// <summary>As <see cref="Plain"/>, with the first finding of each severity suppressed, baseline states and an absent result.</summary>
    public static CheckResult WithConfiguration()
    {
        var result = Plain();
        foreach (var first in result.Findings.GroupBy(f => f.Severity).Select(g => g.First()))
            first.Suppression = new Suppression(first.Severity == Sdk.Severity.Note ? "config" : "inline", "accepted risk: ticket NET-42", "iptables-policy.json:12");
        var states = new[] { BaselineState.New, BaselineState.Unchanged, BaselineState.Updated };
        for (var i = 0; i < result.Findings.Count; i++)
            result.Findings[i].BaselineState = states[i % states.Length];
        return new CheckResult(result.Policies, result.Snapshots, result.Findings, result.Faults, result.Timings)
        {
            Absent = [new AbsentResult("TST002", "0123456789abcdef:1", "a jump to KUBE-GONE", Ruleset, 40)],
        };
    }

    /// <summary>Every scenario, for tests that validate whatever is written.</summary>
    public static IEnumerable<TestCaseData> All()
    {
        yield return new TestCaseData("plain", (Func<CheckResult>)Plain, Options()).SetArgDisplayNames("plain");
        yield return new TestCaseData("faults", (Func<CheckResult>)WithFaults, Options(category: "aks")).SetArgDisplayNames("faults");
        yield return new TestCaseData("configuration", (Func<CheckResult>)WithConfiguration, Options(includeSuppressed: true)).SetArgDisplayNames("configuration");
        yield return new TestCaseData("problems", (Func<CheckResult>)WithSnapshotProblems, Options()).SetArgDisplayNames("problems");
        yield return new TestCaseData("cut", (Func<CheckResult>)Plain, Options(maxResults: 10)).SetArgDisplayNames("cut");
    }

    private static CheckResult Check(string[] policies, string? extraSnapshot = null)
    {
        var engine = new PolicyEngine(new EngineOptions
        {
            CacheDirectory = Path.Combine(PolicyFolder, "cache"),
            Run = new RunOptions { PolicyTimeout = TimeSpan.FromSeconds(30) },
        });
        var (sources, problems) = PolicyFinder.Find(policies.Select(p => Path.Combine(PolicyFolder, p)));
        problems.ShouldBeEmpty();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(CliRunner.RepositoryRoot);
        try
        {
            var (files, _) = SnapshotInputs.Resolve(extraSnapshot is null ? [Ruleset] : [Ruleset, extraSnapshot], TextWriter.Null);
            var (snapshots, _) = SnapshotInputs.ReadFiles(files, null, TextWriter.Null);
            snapshots.Count.ShouldBe(extraSnapshot is null ? 1 : 2);
            return engine.Check(engine.Load(sources), snapshots);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    private static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iptables-policy-report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "policies", "ACME001.csx"), Path.Combine(folder, "ACME001.csx"));
        File.Copy(Path.Combine(CliRunner.RepositoryRoot, "examples", "policies", "ACME001.md"), Path.Combine(folder, "ACME001.md"));
        File.WriteAllText(Path.Combine(folder, "TEST.csx"), TestPolicy);
        File.WriteAllText(Path.Combine(folder, "THROWS.csx"), """
            var d = new PolicyDescriptor("TST100", "Throws", "never", "Hygiene", Severity.Error);
            throw new InvalidOperationException("policy bug");
            """);
        File.WriteAllText(Path.Combine(folder, "broken.v4"), "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT --bogus-option x -j ACCEPT\nthis is not a rule\nCOMMIT\n");
        File.WriteAllText(Path.Combine(folder, "BROKEN.csx"), "var d = new PolicyDescriptor(\"TST200\", \"Broken\", \"x\", \"Hygiene\", Severity.Error);\nthis does not compile;\n");
        return folder;
    }
}
