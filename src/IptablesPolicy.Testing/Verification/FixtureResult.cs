using System.Text;
using IptablesPolicy.Engine.Results;
using IptablesPolicy.Testing.Fixtures;

namespace IptablesPolicy.Testing.Verification;

/// <summary>What checking one fixture gave: the findings of the policies under test and every difference from the expectations.</summary>
public sealed class FixtureResult
{
    internal FixtureResult(Fixture fixture, IReadOnlyList<string> policiesUnderTest, IReadOnlyList<Finding> findings,
        IReadOnlyList<LineMismatch> mismatches, IReadOnlyList<string> problems)
    {
        Fixture = fixture;
        PoliciesUnderTest = policiesUnderTest;
        Findings = findings;
        Mismatches = mismatches;
        Problems = problems;
    }

    /// <summary>The fixture.</summary>
    public Fixture Fixture { get; }

    /// <summary>The ids checked.</summary>
    public IReadOnlyList<string> PoliciesUnderTest { get; }

    /// <summary>The findings of the policies under test, sorted.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Line by line differences, in line order.</summary>
    public IReadOnlyList<LineMismatch> Mismatches { get; }

    /// <summary>What kept the fixture from being checked fully: directive mistakes, unreadable snapshot lines,
    /// policy faults, ids no loaded policy declares.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True when every expectation held and nothing else was found.</summary>
    public bool Passed => Mismatches.Count == 0 && Problems.Count == 0;

    /// <summary>A readable report: <c>PASS path</c>, or <c>FAIL path</c> then one line per difference with the fixture's line text.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var under = PoliciesUnderTest.Count == 0 ? "none" : string.Join(", ", PoliciesUnderTest);
        text.Append(Passed ? "PASS " : "FAIL ").Append(Fixture.Path).Append(" (policies under test: ").Append(under).Append(')').Append('\n');
        foreach (var problem in Problems)
            text.Append("  ").Append(problem).Append('\n');
        foreach (var mismatch in Mismatches)
        {
            text.Append("  ").Append(Fixture.Path).Append(':').Append(mismatch.Line).Append(": ").Append(mismatch.Describe()).Append('\n');
            text.Append("      ").Append(mismatch.LineText).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Throws <see cref="PolicyAssertionException"/> with <see cref="Describe"/> when the fixture failed.</summary>
    public void ThrowIfFailed()
    {
        if (!Passed)
            throw new PolicyAssertionException(Describe());
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
