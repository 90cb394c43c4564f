namespace IptablesPolicy.Engine.Suppressions;

/// <summary>
/// The <c># iptables-policy: disable ID -- reason</c> comment lines of one snapshot file, each assigned to the next
/// line that is neither blank nor a comment (the rule it stands before). The snapshot model keeps no comment lines,
/// so they are read again from the file text; line numbers are the file's, as the model's spans are.
/// </summary>
internal sealed class InlineSuppressions
{
    private readonly Dictionary<int, List<(SuppressionDirective Directive, int Line)>> byTargetLine = [];

    private InlineSuppressions()
    {
    }

    /// <summary>Malformed directives and directives without a justification: <c>(line, message)</c>.</summary>
    public List<(int Line, string Message)> Problems { get; } = [];

    public static InlineSuppressions Scan(IReadOnlyList<string> lines)
    {
        var scanned = new InlineSuppressions();
        var pending = new List<(SuppressionDirective, int)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            if (line[0] == '#')
            {
                var directive = SuppressionDirective.Parse(line[1..], out var problem);
                if (problem is not null)
                    scanned.Problems.Add((i + 1, problem));
                if (directive is { Justification.Length: > 0 })
                    pending.Add((directive, i + 1));
                continue;
            }
            if (pending.Count > 0)
            {
                scanned.byTargetLine[i + 1] = [.. pending];
                pending.Clear();
            }
        }
        return scanned;
    }

    /// <summary>The directive suppressing <paramref name="id"/> at <paramref name="line"/>, with the line it is written on.</summary>
    public (SuppressionDirective Directive, int Line)? For(int line, string id) =>
        byTargetLine.TryGetValue(line, out var directives)
            ? directives.Where(d => d.Directive.Ids.Contains(id, StringComparer.Ordinal)).Select(d => ((SuppressionDirective, int)?)d).FirstOrDefault()
            : null;
}
