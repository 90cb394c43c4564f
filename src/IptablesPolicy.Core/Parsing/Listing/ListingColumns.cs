namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// Which columns a listing has, read from its column header line
/// (<c>num pkts bytes target prot opt in out source destination</c>): <c>--line-numbers</c> adds num,
/// <c>-v</c> adds the counters and the interfaces.
/// </summary>
internal readonly record struct ListingColumns(bool LineNumbers, bool Counters, bool Interfaces, bool Options)
{
    public static ListingColumns? TryParse(string text)
    {
        if (!text.EndsWith("destination", StringComparison.Ordinal) && !text.TrimEnd().EndsWith("destination", StringComparison.Ordinal))
            return null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4 || words[^2] != "source" || words[^1] != "destination" || !words.Contains("prot"))
            return null;
        return new ListingColumns(
            words[0] == "num",
            words.Contains("pkts") && words.Contains("bytes"),
            words.Contains("in") && words.Contains("out"),
            words.Contains("opt"));
    }
}
