using System.Text.RegularExpressions;

namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// A chain's header line: <c>Chain INPUT (policy ACCEPT)</c>, <c>Chain FORWARD (policy DROP 12 packets, 720 bytes)</c>
/// or <c>Chain KUBE-SERVICES (2 references)</c> (print_header in iptables/xshared.c).
/// </summary>
internal sealed partial record ListingChainHeader(string Name, int NameColumn, string? Policy, string? PolicyPackets, string? PolicyBytes, int? References)
{
    [GeneratedRegex(@"^Chain (?<name>\S+) \((?:policy (?<policy>[A-Z]+)(?: (?<packets>\d+[KMGT]?) packets, (?<bytes>\d+[KMGT]?) bytes)?|(?<refs>\d+) references|ERROR obtaining refs)\)\s*$")]
    private static partial Regex Pattern();

    public static ListingChainHeader? TryParse(string text)
    {
        if (!text.StartsWith("Chain ", StringComparison.Ordinal))
            return null;
        var match = Pattern().Match(text);
        if (!match.Success)
            return null;
        return new ListingChainHeader(
            match.Groups["name"].Value,
            match.Groups["name"].Index + 1,
            match.Groups["policy"].Success ? match.Groups["policy"].Value : null,
            match.Groups["packets"].Success ? match.Groups["packets"].Value : null,
            match.Groups["bytes"].Success ? match.Groups["bytes"].Value : null,
            match.Groups["refs"].Success ? int.Parse(match.Groups["refs"].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>True for a line that starts like a chain header, even a damaged one.</summary>
    public static bool LooksLikeOne(string text) => text.StartsWith("Chain ", StringComparison.Ordinal) && text.Contains('(');
}
