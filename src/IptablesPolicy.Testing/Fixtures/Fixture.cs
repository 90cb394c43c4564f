using System.Text.RegularExpressions;

namespace IptablesPolicy.Testing.Fixtures;

/// <summary>
/// A policy fixture: an ordinary snapshot file (iptables-save, <c>-S</c>, a listing...) whose comment lines
/// starting with <c>#</c> in the first column say what the policies under test must find. Those are the only
/// comments <c>iptables-restore</c> skips, so a save-format fixture still loads into the real iptables.
/// <list type="bullet">
/// <item><c># expect: IPT1102</c> (several ids separated by commas, each optionally followed by a quoted message
/// substring): the next line that is neither a comment nor blank gets exactly these findings;</item>
/// <item><c># ok: IPT1102</c>: the next line must not get that finding;</item>
/// <item><c># test-policies: IPT1001, IPT1102</c>: the policies under test, so a fixture without expectations is a
/// negative test; without it, the policies under test are those the expectations name.</item>
/// </list>
/// </summary>
public sealed partial class Fixture
{
    private Fixture(string path, string text, IReadOnlyList<Expectation> expectations, IReadOnlyList<string> declaredPolicies, IReadOnlyList<FixtureProblem> problems)
    {
        Path = path;
        Text = text;
        Expectations = expectations;
        DeclaredPolicies = declaredPolicies;
        Problems = problems;
    }

    /// <summary>The fixture's path, as findings name it.</summary>
    public string Path { get; }

    /// <summary>The fixture's text.</summary>
    public string Text { get; }

    /// <summary>The expectations, in line order.</summary>
    public IReadOnlyList<Expectation> Expectations { get; }

    /// <summary>The ids of <c># test-policies:</c> lines; empty when there are none.</summary>
    public IReadOnlyList<string> DeclaredPolicies { get; }

    /// <summary>The policies under test: <see cref="DeclaredPolicies"/>, else the ids the expectations name; sorted.</summary>
    public IReadOnlyList<string> PoliciesUnderTest =>
        (DeclaredPolicies.Count > 0 ? DeclaredPolicies : Expectations.Select(e => e.Id)).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Mistakes in the directives (an unreadable list, an expectation with no line below it).</summary>
    public IReadOnlyList<FixtureProblem> Problems { get; }

    /// <summary>Reads a fixture file.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Fixture Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads a fixture from text; <paramref name="path"/> names it.</summary>
    public static Fixture Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var expectations = new List<Expectation>();
        var declared = new List<string>();
        var problems = new List<FixtureProblem>();
        var pending = new List<(ExpectationKind Kind, string Id, string? Message, int Line)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                if (Directive().Match(line) is { Success: true } directive)
                    ReadDirective(directive, number, path, pending, declared, problems);
                continue;
            }
            if (line.Trim().Length == 0)
                continue;
            expectations.AddRange(pending.Select(p => new Expectation(p.Kind, p.Id, p.Message, p.Line, number)));
            pending.Clear();
        }
        problems.AddRange(pending.Select(p => new FixtureProblem(path, p.Line, 1, $"'# {KindName(p.Kind)}: {p.Id}' has no line below it to apply to")));
        return new Fixture(path, text, expectations, declared.Distinct().ToArray(), problems);
    }

    private static void ReadDirective(Match directive, int number, string path,
        List<(ExpectationKind, string, string?, int)> pending, List<string> declared, List<FixtureProblem> problems)
    {
        var keyword = directive.Groups["keyword"].Value;
        var value = directive.Groups["value"];
        if (!DirectiveGrammar.TryRead(value.Value, out var items, out var offset, out var error))
        {
            problems.Add(new FixtureProblem(path, number, value.Index + offset + 1, $"cannot read '# {keyword}:': {error}"));
            return;
        }
        switch (keyword)
        {
            case "test-policies":
                if (items.FirstOrDefault(i => i.Message is not null) is { Id: { } withMessage })
                    problems.Add(new FixtureProblem(path, number, value.Index + 1, $"'# test-policies:' takes ids only, not a message ({withMessage})"));
                declared.AddRange(items.Select(i => i.Id));
                break;
            case "ok":
                if (items.FirstOrDefault(i => i.Message is not null) is { Id: { } okWithMessage })
                    problems.Add(new FixtureProblem(path, number, value.Index + 1, $"'# ok:' takes ids only, not a message ({okWithMessage})"));
                pending.AddRange(items.Select(i => (ExpectationKind.Ok, i.Id, (string?)null, number)));
                break;
            default:
                pending.AddRange(items.Select(i => (ExpectationKind.Expect, i.Id, i.Message, number)));
                break;
        }
    }

    private static string KindName(ExpectationKind kind) => kind == ExpectationKind.Ok ? "ok" : "expect";

    /// <inheritdoc/>
    public override string ToString() => Path;

    [GeneratedRegex(@"^#\s*(?<keyword>expect|ok|test-policies)\s*:(?<value>.*)$")]
    private static partial Regex Directive();
}
