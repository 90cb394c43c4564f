using IptablesPolicy.Core;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Engine.Tests.BuiltInPack;

/// <summary>One expected finding: the policy id and, optionally, a substring its message must contain.</summary>
internal sealed record ExpectedFinding(string Id, string? MessagePart)
{
    public override string ToString() => MessagePart is null ? Id : $"{Id} \"{MessagePart}\"";
}

/// <summary>
/// A fixture in the format of issue 6: an ordinary snapshot file with expectations in comment lines that start
/// with <c>#</c> in the first column. <c># expect: ID ["message part"], ...</c> applies to the next line that is
/// neither a comment nor blank; <c># ok: ID</c> documents that the next line does not get that finding;
/// <c># test-policies: ID, ...</c> names the policies under test (else the expected ids are).
/// </summary>
internal sealed class Fixture
{
    private const string Expect = "# expect:";
    private const string Ok = "# ok:";
    private const string TestPolicies = "# test-policies:";

    private Fixture(string path, string text,
        IReadOnlyDictionary<int, IReadOnlyList<ExpectedFinding>> expected, IReadOnlyDictionary<int, IReadOnlyList<string>> ok,
        IReadOnlySet<string> policiesUnderTest, IReadOnlyList<string> lines)
    {
        Path = path;
        Text = text;
        Expected = expected;
        OkLines = ok;
        PoliciesUnderTest = policiesUnderTest;
        Lines = lines;
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The fixture's lines (1-based line n is <c>Lines[n - 1]</c>).</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The expected findings by fixture line.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<ExpectedFinding>> Expected { get; }

    /// <summary>The ids documented as not reported, by fixture line.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> OkLines { get; }

    public IReadOnlySet<string> PoliciesUnderTest { get; }

    /// <summary>True for save-format fixtures (<c>.v4</c>, <c>.v6</c>), which must load into <c>iptables-restore</c>.</summary>
    public bool IsSaveFormat => System.IO.Path.GetExtension(Path) is ".v4" or ".v6";

    public static Fixture Read(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (lines.Length > 0 && lines[^1].Length == 0)
            lines = lines[..^1];
        var expected = new Dictionary<int, IReadOnlyList<ExpectedFinding>>();
        var ok = new Dictionary<int, IReadOnlyList<string>>();
        var underTest = new HashSet<string>(StringComparer.Ordinal);
        var declared = false;
        var pendingExpect = new List<ExpectedFinding>();
        var pendingOk = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            if (line.StartsWith(Expect, StringComparison.Ordinal))
                pendingExpect.AddRange(ParseExpectations(line[Expect.Length..], path, lineNumber));
            else if (line.StartsWith(Ok, StringComparison.Ordinal))
                pendingOk.AddRange(Ids(line[Ok.Length..]));
            else if (line.StartsWith(TestPolicies, StringComparison.Ordinal))
            {
                declared = true;
                underTest.UnionWith(Ids(line[TestPolicies.Length..]));
            }
            else if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                if (pendingExpect.Count > 0)
                    expected[lineNumber] = pendingExpect.ToArray();
                if (pendingOk.Count > 0)
                    ok[lineNumber] = pendingOk.ToArray();
                pendingExpect.Clear();
                pendingOk.Clear();
            }
        }
        if (pendingExpect.Count > 0 || pendingOk.Count > 0)
            throw new FormatException($"{path}: an expectation at the end of the file has no line to apply to");
        if (!declared)
            underTest.UnionWith(expected.Values.SelectMany(e => e).Select(e => e.Id));
        return new Fixture(path, text, expected, ok, underTest, lines);
    }

    /// <summary>The fixture's snapshots, read from the file as it is: the expectation lines are comments to every
    /// reader (listings skip comment lines between their lines).</summary>
    public IReadOnlyList<Snapshot> ReadSnapshots() => SnapshotReader.ReadText(Text, Path);

    private static IEnumerable<string> Ids(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Reads <c>ID ["message part"], ID ...</c>; commas inside quotes belong to the message part.</summary>
    private static List<ExpectedFinding> ParseExpectations(string text, string path, int line)
    {
        var result = new List<ExpectedFinding>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ','))
                i++;
            if (i >= text.Length)
                break;
            var start = i;
            while (i < text.Length && text[i] != ' ' && text[i] != ',')
                i++;
            var id = text[start..i];
            while (i < text.Length && text[i] == ' ')
                i++;
            string? part = null;
            if (i < text.Length && text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                    throw new FormatException($"{path}:{line}: unterminated message part");
                part = text[(i + 1)..end];
                i = end + 1;
            }
            result.Add(new ExpectedFinding(id, part));
        }
        if (result.Count == 0)
            throw new FormatException($"{path}:{line}: '# expect:' names no id");
        return result;
    }
}
