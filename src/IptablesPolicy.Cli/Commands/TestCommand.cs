using System.CommandLine;
using IptablesPolicy.Cli.Output;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Engine.Sources;
using IptablesPolicy.Reporting;
using IptablesPolicy.Testing;
using IptablesPolicy.Testing.Coverage;
using IptablesPolicy.Testing.Fixtures;
using IptablesPolicy.Testing.Verification;

namespace IptablesPolicy.Cli.Commands;

/// <summary><c>iptables-policy test [FIXTURE|DIR|GLOB...]</c>: checks policy fixtures and reports each as passed or failed.</summary>
internal static class TestCommand
{
    public static Command Create(CommandOutput output, TextWriter error)
    {
        var targets = new Argument<string[]>("fixtures")
        {
            Description = "Fixtures, folders or globs. A folder means every policy below it and every file in a 'fixtures' folder below it (default: policies).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var policies = new PolicyOptions();
        var requireCoverage = new Option<bool>("--require-coverage")
        {
            Description = "Fail when a policy has no fixture, none where it reports, or none where it does not.",
        };
        var junit = new Option<string?>("--junit")
        {
            Description = "Also write the results as JUnit XML to this file.",
        };
        var command = new Command("test", "Check policy fixtures: snapshots whose '# expect: ID' comment lines say where findings must appear.")
        {
            targets,
            requireCoverage,
            junit,
        };
        policies.AddTo(command);
        command.SetAction(result => Run(result, result.GetValue(targets) ?? [], policies, result.GetValue(requireCoverage), result.GetValue(junit), output.Text, error));
        return command;
    }

    private static int Run(System.CommandLine.ParseResult parsed, string[] targets, PolicyOptions options, bool requireCoverage, string? junitPath, TextWriter output, TextWriter error)
    {
        if (targets.Length == 0)
        {
            if (!Directory.Exists("policies"))
            {
                error.WriteLine("iptables-policy: no fixture given and there is no 'policies' folder here");
                return ExitCodes.Usage;
            }
            targets = ["policies"];
        }
        var (folders, fixturePaths, problems) = FixtureFinder.Find(targets);
        foreach (var problem in problems)
            error.WriteLine(problem);
        // A folder given to test may hold fixtures only; a --policies pattern that matches nothing is a mistake.
        var (folderPolicies, _) = PolicyFinder.Find(folders);
        var (namedPolicies, policyProblems) = PolicyFinder.Find(parsed.GetValue(options.Policies) ?? []);
        foreach (var problem in policyProblems)
            error.WriteLine(problem);
        var filePolicies = folderPolicies.Concat(namedPolicies).DistinctBy(p => p.Path).ToArray();
        var sources = new List<PolicySource>();
        if (!parsed.GetValue(options.NoBuiltIn))
        {
            // The working copy of a built-in policy replaces the shipped one: that is what is being tested.
            var local = filePolicies.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            sources.AddRange(BuiltInPolicies.All().Where(b => !local.Contains(b.Name)));
        }
        sources.AddRange(filePolicies);

        var engine = new PolicyEngine(PolicyTester.ForTesting(options.EngineOptionsFor(parsed, new RunOptions())));
        var set = engine.Load(sources);
        foreach (var fault in set.Faults)
            error.WriteLine(fault.ToString());

        var results = new List<FixtureResult>();
        foreach (var path in fixturePaths)
        {
            var fixture = Fixture.Parse(File.ReadAllText(path), DisplayPath.Of(path));
            var folder = FixtureFinder.PolicyFolderOf(path);
            var defaults = set.Policies
                .Where(p => p.Source.Origin == PolicyOrigin.File && folder is not null && Path.GetDirectoryName(p.Source.Path) == folder)
                .SelectMany(p => p.Descriptors.Select(d => d.Id))
                .ToArray();
            var result = FixtureVerifier.Verify(fixture, engine, set, defaults);
            results.Add(result);
            output.Write(result.Describe());
        }

        var coverageScope = filePolicies.Length > 0
            ? set.Declaring(set.Policies.Where(p => p.Source.Origin == PolicyOrigin.File).SelectMany(p => p.Descriptors.Select(d => d.Id)))
            : set;
        var gaps = FixtureCoverage.Find(coverageScope, results);
        foreach (var gap in gaps)
            output.WriteLine($"{(requireCoverage ? "error" : "warning")}: {gap}");

        var failed = results.Count(r => !r.Passed);
        output.WriteLine($"{results.Count} {(results.Count == 1 ? "fixture" : "fixtures")}: {results.Count - failed} passed, {failed} failed; {gaps.Count} coverage {(gaps.Count == 1 ? "gap" : "gaps")}");
        if (junitPath is not null && !TryWriteJUnit(junitPath, results, requireCoverage ? gaps : [], error))
            return ExitCodes.Usage;
        if (set.Faults.Count > 0 || problems.Count > 0 || policyProblems.Count > 0)
            return ExitCodes.Incomplete;
        return failed > 0 || (requireCoverage && gaps.Count > 0) || results.Count == 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static bool TryWriteJUnit(string path, IReadOnlyList<FixtureResult> results, IReadOnlyList<CoverageGap> gaps, TextWriter error)
    {
        try
        {
            using var stream = File.Create(path);
            JUnitDocument.Write(FixtureJUnit.Suites(results, gaps), stream);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{path}: error: cannot write the JUnit file: {e.Message}");
            return false;
        }
    }
}
