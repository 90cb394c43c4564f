using System.Security.Cryptography;
using System.Text;

namespace IptablesPolicy.Engine.Results;

/// <summary>
/// A finding's stable identity across runs (SARIF <c>partialFingerprints.primaryLocationLineHash</c>, baselines):
/// a hash of the policy id, the table, the chain, and the rule's canonical text without counters (or the kind
/// of element for chain, table and snapshot findings), then <c>:N</c>, the finding's occurrence among identical
/// ones in the same file. Counters changing or unrelated lines moving leave it unchanged; the message and the
/// line number are left out on purpose.
/// </summary>
internal static class Fingerprints
{
    public static void Assign(IReadOnlyList<Finding> sortedFindings)
    {
        var occurrences = new Dictionary<(string Path, string Hash), int>();
        foreach (var finding in sortedFindings)
        {
            var hash = HashOf(finding);
            var key = (finding.Span.Path, hash);
            var occurrence = occurrences.GetValueOrDefault(key) + 1;
            occurrences[key] = occurrence;
            finding.Fingerprint = $"{hash}:{occurrence}";
        }
    }

    private static string HashOf(Finding finding)
    {
        var location = finding.Diagnostic.Location;
        var identity = string.Join('\n',
            finding.Id,
            location.Table?.Name ?? "",
            location.Chain?.Name ?? "",
            finding.RuleText ?? location.Kind);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }
}
