using System.Text.RegularExpressions;

namespace IptablesPolicy.Engine.Suppressions;

/// <summary>
/// The text of an in-snapshot suppression, <c>iptables-policy: disable IPT1102[,IPT1103] -- reason</c>, written on
/// a <c>#</c> comment line before a rule or in the rule's own <c>-m comment --comment</c>.
/// </summary>
/// <param name="Ids">The policy ids it suppresses.</param>
/// <param name="Justification">The reason after <c>--</c>; empty when none was given (then it does not apply).</param>
internal sealed partial record SuppressionDirective(IReadOnlyList<string> Ids, string Justification)
{
    /// <summary>The marker that starts every directive.</summary>
    public const string Marker = "iptables-policy:";

    /// <summary>
    /// Reads <paramref name="text"/> (a comment without its <c>#</c>): null when it is no directive at all, else the
    /// directive, or the reason it is malformed in <paramref name="problem"/>.
    /// </summary>
    public static SuppressionDirective? Parse(string text, out string? problem)
    {
        problem = null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(Marker, StringComparison.OrdinalIgnoreCase))
            return null;
        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            problem = $"'{trimmed}' is not a suppression: write '{Marker} disable ID[,ID...] -- reason'";
            return null;
        }
        var ids = match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var justification = match.Groups["reason"].Value.Trim();
        if (justification.Length == 0)
            problem = $"the suppression of {string.Join(", ", ids)} gives no justification, so it does not apply: add '-- reason'";
        return new SuppressionDirective(ids, justification);
    }

    [GeneratedRegex(@"^iptables-policy:\s*disable\s+(?<ids>[A-Za-z0-9_.\-]+(?:\s*,\s*[A-Za-z0-9_.\-]+)*)\s*(?:--(?<reason>.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
