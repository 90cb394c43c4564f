using IptablesPolicy.Core.Model;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Conformance;

/// <summary>
/// The corpus lines the parser does not (yet) agree with, each with its reason, read from the
/// <c>exceptions/*.txt</c> files (one per area of the parser): <c>FILE:LINE ip|ip6|* kind: reason</c>, kind being <c>ok</c>
/// (rendering differs), <c>roundtrip</c> (the expected text does not render back) or <c>fail</c> (not rejected).
/// The README lists the same exceptions.
/// </summary>
public static class ConformanceExceptions
{
    private static readonly Dictionary<string, string> Reasons = Load();

    public static IReadOnlyDictionary<string, string> All => Reasons;

    public static string Key(CorpusRuleLine line, string kind) => $"{line.File}:{line.Line} {Tag(line.Family)} {kind}";

    public static string? ReasonFor(CorpusRuleLine line, string kind) =>
        Reasons.GetValueOrDefault(Key(line, kind)) ?? Reasons.GetValueOrDefault($"{line.File}:{line.Line} * {kind}");

    private static string Tag(IpFamily family) => family == IpFamily.IPv6 ? "ip6" : "ip";

    private static Dictionary<string, string> Load()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "IptablesPolicy.Core.Tests", "Conformance", "exceptions");
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal).SelectMany(p => File.ReadLines(p).Select(l => (Path: p, Line: l)))
            : [];
        foreach (var (path, raw) in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
                throw new FormatException($"{path}: '{line}' is not 'FILE:LINE ip|ip6|* kind: reason'");
            reasons[line[..colon]] = line[(colon + 2)..];
        }
        return reasons;
    }
}
