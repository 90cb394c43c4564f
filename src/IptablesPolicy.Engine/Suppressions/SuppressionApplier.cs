using System.Globalization;
using System.IO.Enumeration;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;
using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Engine.Results;
using Microsoft.Extensions.FileSystemGlobbing;

namespace IptablesPolicy.Engine.Suppressions;

/// <summary>
/// Marks suppressed findings (<see cref="Finding.Suppression"/>). A finding is suppressed by, first match wins: its
/// rule's own comment match (<c>-m comment --comment "iptables-policy: disable ID -- reason"</c>, kind
/// <c>rule-comment</c>, which survives iptables-save and iptables-restore), a <c># iptables-policy: disable ID -- reason</c>
/// comment line before it in the snapshot file (kind <c>inline</c>), or a configuration entry (kind <c>config</c>) that
/// has not expired.
/// </summary>
public static class SuppressionApplier
{
    /// <summary>
    /// Sets <see cref="Finding.Suppression"/> on the findings of <paramref name="result"/> and returns what people
    /// should hear about (<c>file:line: warning|note: text</c>, sorted): in-snapshot directives that are malformed or
    /// give no justification, and configuration suppressions past their expiry date.
    /// </summary>
    /// <param name="result">The check result.</param>
    /// <param name="configuration">The configuration (its suppressions and folder).</param>
    /// <param name="today">The date expiry is judged on.</param>
    /// <param name="readLines">Reads a snapshot file's lines by its path (default: from disk; null when unreadable).</param>
    public static IReadOnlyList<string> Apply(CheckResult result, PolicyConfiguration configuration, DateOnly today, Func<string, IReadOnlyList<string>?>? readLines = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(configuration);
        readLines ??= ReadLines;
        // Sorted by file then line number (not as text, where line 10 would come before line 3).
        var notes = new SortedSet<(string Path, int Line, string Text)>(Comparer<(string Path, int Line, string Text)>.Create((a, b) =>
        {
            var byPath = string.CompareOrdinal(a.Path, b.Path);
            return byPath != 0 ? byPath : a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Text, b.Text);
        }));
        var files = new Dictionary<string, InlineSuppressions?>(StringComparer.Ordinal);
        InlineSuppressions? Inline(string path)
        {
            if (!files.TryGetValue(path, out var inline))
            {
                inline = readLines(path) is { } lines ? InlineSuppressions.Scan(lines) : null;
                files[path] = inline;
                foreach (var (line, message) in inline?.Problems ?? [])
                    notes.Add((path, line, $"warning: {message}"));
            }
            return inline;
        }

        foreach (var snapshot in result.Snapshots)
        {
            Inline(snapshot.Path);
            foreach (var rule in snapshot.Rules)
            {
                // Every rule of a large snapshot passes here: no iterator per rule.
                foreach (var match in rule.Matches)
                {
                    if (match is CommentMatch comment)
                    {
                        SuppressionDirective.Parse(comment.Text, out var problem);
                        if (problem is not null)
                            notes.Add((rule.Span.Path, rule.Span.Line, $"warning: {problem}"));
                    }
                }
            }
        }

        var active = configuration.Suppressions.Where(s => s.AppliesOn(today)).ToArray();
        var configSource = configuration.Path ?? ConfigurationLoader.FileName;
        foreach (var finding in result.Findings)
        {
            finding.Suppression = ByRuleComment(finding)
                ?? ByInlineComment(finding, Inline(finding.Span.Path))
                ?? ByConfiguration(finding, active, configuration.Directory, configSource);
        }

        foreach (var expired in configuration.Suppressions.Where(s => !s.AppliesOn(today)))
        {
            var matching = result.Findings.Count(f => f.Suppression is null && Matches(expired, f, configuration.Directory));
            notes.Add((configSource, expired.Line, string.Create(CultureInfo.InvariantCulture,
                $"note: the suppression of {expired.PolicyId} expired on {expired.Expires:yyyy-MM-dd} and no longer applies ({matching} {(matching == 1 ? "finding counts" : "findings count")} again)")));
        }
        return notes.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Path}:{n.Line}: {n.Text}")).ToArray();
    }

    private static Suppression? ByRuleComment(Finding finding)
    {
        if (finding.Rule is not { } rule)
            return null;
        var directive = RuleCommentDirectives(rule)
            .Select(d => d.Directive)
            .FirstOrDefault(d => d is { Justification.Length: > 0 } && d.Ids.Contains(finding.Id, StringComparer.Ordinal));
        return directive is null ? null : new Suppression("rule-comment", directive.Justification, Source(rule.Span.Path, rule.Span.Line));
    }

    private static Suppression? ByInlineComment(Finding finding, InlineSuppressions? inline) =>
        inline?.For(finding.Span.Line, finding.Id) is var (directive, line)
            ? new Suppression("inline", directive.Justification, Source(finding.Span.Path, line))
            : null;

    private static Suppression? ByConfiguration(Finding finding, IEnumerable<ConfiguredSuppression> suppressions, string directory, string configSource) =>
        suppressions.FirstOrDefault(s => Matches(s, finding, directory)) is { } match
            ? new Suppression("config", match.Justification, Source(configSource, match.Line))
            : null;

    private static bool Matches(ConfiguredSuppression suppression, Finding finding, string directory)
    {
        if (!string.Equals(suppression.PolicyId, finding.Id, StringComparison.Ordinal))
            return false;
        if (suppression.Snapshots is { } glob && !SnapshotMatches(glob, finding.Span.Path, directory))
            return false;
        if (suppression.Chain is { } chain
            && !(finding.Diagnostic.Location.Chain?.Name is { } name && FileSystemName.MatchesSimpleExpression(chain, name, ignoreCase: false)))
            return false;
        return suppression.Rule is not { } pattern || (finding.RuleText is { } text && pattern.IsMatch(text));
    }

    /// <summary>Globs are relative to the configuration's folder, as the snapshot paths are made to be.</summary>
    private static bool SnapshotMatches(string glob, string snapshotPath, string directory)
    {
        var relative = Path.GetRelativePath(directory, Path.GetFullPath(snapshotPath)).Replace('\\', '/');
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(Path.IsPathRooted(glob) ? Path.GetRelativePath(directory, glob).Replace('\\', '/') : glob);
        return matcher.Match(relative).HasMatches;
    }

    private static IEnumerable<(SuppressionDirective? Directive, string? Problem)> RuleCommentDirectives(Rule rule)
    {
        foreach (var comment in rule.Matches.OfType<CommentMatch>())
        {
            var directive = SuppressionDirective.Parse(comment.Text, out var problem);
            if (directive is not null || problem is not null)
                yield return (directive, problem);
        }
    }

    /// <summary>
    /// Whether the file holds <see cref="SuppressionDirective.Marker"/> in any case, read a block of bytes at a time.
    /// The marker is ASCII, and no byte of a multi-byte UTF-8 character is, so the bytes are searched without
    /// decoding them: for the marker's rare last two characters (<c>y:</c> or <c>Y:</c>, a vectorized search),
    /// then for the rest of it before them.
    /// </summary>
    private static bool ContainsMarker(string path)
    {
        const int BlockBytes = 1 << 16;
        var marker = System.Text.Encoding.ASCII.GetBytes(SuppressionDirective.Marker);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockBytes + marker.Length];
        var carried = 0;
        int read;
        while ((read = file.Read(buffer, carried, BlockBytes)) > 0)
        {
            var filled = carried + read;
            if (HasMarker(buffer.AsSpan(0, filled), marker))
                return true;
            // Keep the block's tail: the marker may straddle two blocks.
            carried = Math.Min(marker.Length - 1, filled);
            buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
        }
        return false;
    }

    private static bool HasMarker(ReadOnlySpan<byte> text, ReadOnlySpan<byte> marker)
    {
        var head = marker[..^2];
        ReadOnlySpan<byte> lowerTail = marker[^2..];
        ReadOnlySpan<byte> upperTail = [(byte)char.ToUpperInvariant((char)marker[^2]), marker[^1]];
        var nextLower = IndexOf(text, lowerTail, head.Length);
        var nextUpper = IndexOf(text, upperTail, head.Length);
        while (nextLower >= 0 || nextUpper >= 0)
        {
            var at = nextLower < 0 ? nextUpper : nextUpper < 0 ? nextLower : Math.Min(nextLower, nextUpper);
            if (System.Text.Ascii.EqualsIgnoreCase(text[(at - head.Length)..at], head))
                return true;
            if (at == nextLower)
                nextLower = IndexOf(text, lowerTail, at + 1);
            else
                nextUpper = IndexOf(text, upperTail, at + 1);
        }
        return false;
    }

    private static int IndexOf(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value, int from) =>
        from > text.Length ? -1 : text[from..].IndexOf(value) is var at and >= 0 ? from + at : -1;

    private static string Source(string path, int line) => string.Create(CultureInfo.InvariantCulture, $"{path}:{line}");

    private static IReadOnlyList<string>? ReadLines(string path)
    {
        try
        {
            // A pipe or FIFO was consumed by the parse (and opening a FIFO again would wait for a writer that
            // never comes): like an empty file, it has no lines left to read. Both report no length.
            var info = new FileInfo(path);
            if (!info.Exists)
                return null;
            if (info.Length == 0)
                return [];
            // Most snapshots hold no directive at all: then there is no need to split a 150k-line file into
            // strings. Without the marker no line is a directive or a malformed one, so no lines give the same.
            return ContainsMarker(path) ? File.ReadAllLines(path) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
