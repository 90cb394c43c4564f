using System.Text;
using IptablesPolicy.Core;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Testing.Fixtures;
using IptablesPolicy.Testing.Verification;

namespace IptablesPolicy.Testing;

/// <summary>
/// Tests policies from any test framework: load policies, run them over snapshot text or fixtures, and assert
/// the findings. Failures throw <see cref="PolicyAssertionException"/> with a line-by-line report.
/// </summary>
/// <example>
/// <code>
/// var tester = PolicyTester.ForFiles("policies/ACME001/ACME001.csx");
/// tester.VerifyFixture("policies/ACME001/fixtures/reports.v4").ThrowIfFailed();
/// PolicyTester.AssertFindings(tester.Check(rulesText), ("ACME001", 12));
/// </code>
/// </example>
public sealed class PolicyTester
{
    private readonly PolicyEngine engine;

    private PolicyTester(PolicyEngine engine, PolicySet policies)
    {
        this.engine = engine;
        Policies = policies;
    }

    /// <summary>The loaded policies.</summary>
    public PolicySet Policies { get; }

    /// <summary>Loads policy files (compiled once, then from the compile cache).</summary>
    /// <exception cref="PolicyAssertionException">A policy does not load: it does not compile, uses a restricted API...</exception>
    public static PolicyTester ForFiles(params string[] policyPaths) =>
        Create(policyPaths.Select(p => PolicySource.FromFile(p)), options: null);

    /// <summary>Loads a policy given as text; <paramref name="fileName"/> names it (its id when it declares no descriptor).</summary>
    /// <exception cref="PolicyAssertionException">The policy does not load.</exception>
    public static PolicyTester ForText(string policyText, string fileName = "Policy.csx") =>
        Create([PolicySource.FromText(policyText, fileName)], options: null);

    /// <summary>Loads the built-in policy pack.</summary>
    public static PolicyTester ForBuiltIn() => Create(BuiltInPolicies.All(), options: null);

    /// <summary>Loads policies with explicit engine options (cache folder, restricted APIs, timeout). Severities are
    /// replaced so that every policy runs, enabled by default or not.</summary>
    /// <exception cref="PolicyAssertionException">A policy does not load.</exception>
    public static PolicyTester Create(IEnumerable<PolicySource> sources, EngineOptions? options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var engine = new PolicyEngine(ForTesting(options ?? new EngineOptions()));
        var policies = engine.Load(sources);
        if (policies.Faults.Count > 0)
            throw new PolicyAssertionException("the policies did not load:\n" + string.Join('\n', policies.Faults.Select(f => "  " + f)));
        return new PolicyTester(engine, policies);
    }

    /// <summary>Options for running tests with: every policy runs at its default severity.</summary>
    public static EngineOptions ForTesting(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { Run = options.Run with { SeverityOf = d => d.DefaultSeverity } };
    }

    /// <summary>Checks a fixture file (see <see cref="Fixture"/>).</summary>
    public FixtureResult VerifyFixture(string path) => FixtureVerifier.Verify(Fixture.Load(path), engine, Policies);

    /// <summary>Checks a fixture given as text; <paramref name="path"/> names it.</summary>
    public FixtureResult VerifyFixtureText(string text, string path = "fixture.v4") =>
        FixtureVerifier.Verify(Fixture.Parse(text, path), engine, Policies);

    /// <summary>Runs every loaded policy over a snapshot given as text (any format the tool reads) and returns the findings, sorted.</summary>
    /// <exception cref="PolicyAssertionException">A policy faulted (threw, timed out) on it.</exception>
    public IReadOnlyList<Finding> Check(string snapshotText, string path = "snapshot.v4")
    {
        ArgumentNullException.ThrowIfNull(snapshotText);
        var result = engine.Check(Policies, SnapshotReader.ReadText(snapshotText, path));
        if (result.Faults.Count > 0)
            throw new PolicyAssertionException("a policy faulted:\n" + string.Join('\n', result.Faults.Select(f => "  " + f)));
        return result.Findings;
    }

    /// <summary>Asserts that <paramref name="findings"/> are exactly the expected (id, line) pairs, in any order.</summary>
    /// <exception cref="PolicyAssertionException">They differ; the message lists what is missing and what was not expected.</exception>
    public static void AssertFindings(IEnumerable<Finding> findings, params (string Id, int Line)[] expected)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var actual = findings.ToList();
        var missing = new List<(string Id, int Line)>();
        var unmatched = new List<Finding>(actual);
        foreach (var want in expected)
        {
            var match = unmatched.FirstOrDefault(f => f.Id == want.Id && f.Span.Line == want.Line);
            if (match is null)
                missing.Add(want);
            else
                unmatched.Remove(match);
        }
        if (missing.Count == 0 && unmatched.Count == 0)
            return;
        var message = new StringBuilder("the findings differ from what was expected:\n");
        foreach (var (id, line) in missing.OrderBy(m => m.Line))
            message.Append($"  missing    {id} at line {line}\n");
        foreach (var finding in unmatched.OrderBy(f => f.Span.Line))
            message.Append($"  unexpected {finding.Id} at line {finding.Span.Line}: {finding.Message}\n");
        message.Append("found:\n");
        foreach (var finding in actual.OrderBy(f => f.Span.Line))
            message.Append($"  {finding.Id} at line {finding.Span.Line}: {finding.Message}\n");
        if (actual.Count == 0)
            message.Append("  nothing\n");
        throw new PolicyAssertionException(message.ToString().TrimEnd('\n'));
    }
}
