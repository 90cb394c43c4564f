namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>One whitespace-separated field of a listing row, with its 1-based column.</summary>
internal readonly record struct ListingField(string Text, int Column)
{
    public int EndColumn => Column + Text.Length;
}

/// <summary>
/// A rule row of a listing split into its columns. iptables pads each column (<c>%-9s</c> for the target,
/// <c>%-19s</c> for addresses) but never truncates, so a long target name shifts the rest of the row; the
/// row is therefore split on whitespace, not on the header's column positions. A rule without a target
/// prints an empty target column, which is recognised by the <c>opt</c> field (<c>--</c>, <c>-f</c>, <c>!f</c>)
/// coming one field early.
/// </summary>
internal sealed record ListingRow(
    ListingField? Number,
    ListingField? Packets,
    ListingField? Bytes,
    ListingField? Target,
    ListingField Protocol,
    ListingField? Option,
    ListingField? InInterface,
    ListingField? OutInterface,
    ListingField Source,
    ListingField Destination,
    string MatchText,
    int MatchColumn)
{
    /// <summary>Splits a row; null when the line does not have the fields the columns call for.</summary>
    public static ListingRow? TryParse(string text, ListingColumns columns)
    {
        var fields = Split(text, 12, out var restStart);
        var i = 0;
        ListingField? number = null, packets = null, bytes = null;
        if (columns.LineNumbers)
        {
            if (i >= fields.Count || !fields[i].Text.All(char.IsAsciiDigit))
                return null;
            number = fields[i++];
        }
        if (columns.Counters)
        {
            if (i + 1 >= fields.Count || !ListingNumber.TryParse(fields[i].Text, out _, out _) || !ListingNumber.TryParse(fields[i + 1].Text, out _, out _))
                return null;
            packets = fields[i++];
            bytes = fields[i++];
        }
        // The target column is empty for a rule without -j: then the opt field comes right after prot.
        ListingField? target = null;
        if (columns.Options)
        {
            if (i + 1 < fields.Count && IsOption(fields[i + 1].Text))
            {
            }
            else if (i + 2 < fields.Count && IsOption(fields[i + 2].Text))
                target = fields[i++];
            else if (i + 3 < fields.Count && IsAddress(fields[i + 2].Text) && IsAddress(fields[i + 3].Text) && !columns.Interfaces)
            {
                // ip6tables before 1.8 printed the opt column blank (IPv6 has no fragment flag).
                columns = columns with { Options = false };
                target = fields[i++];
            }
            else
                return null;
        }
        else
            target = fields[i++];
        var needed = (columns.Options ? 2 : 1) + (columns.Interfaces ? 2 : 0) + 2;
        if (i + needed > fields.Count)
            return null;
        var protocol = fields[i++];
        ListingField? option = columns.Options ? fields[i++] : null;
        ListingField? inInterface = null, outInterface = null;
        if (columns.Interfaces)
        {
            inInterface = fields[i++];
            outInterface = fields[i++];
        }
        var source = fields[i++];
        var destination = fields[i++];
        var matchStart = i < fields.Count ? fields[i].Column - 1 : restStart;
        if (i >= fields.Count)
            matchStart = text.Length;
        var matchText = text[matchStart..].TrimEnd();
        return new ListingRow(number, packets, bytes, target, protocol, option, inInterface, outInterface, source, destination, matchText, matchStart + 1);
    }

    /// <summary>True for what an address column can hold: <c>anywhere</c>, an address, a host name (with a dot or colon).</summary>
    public static bool IsAddress(string text) =>
        text.TrimStart('!') is var value && (value == "anywhere" || value.Contains(':') || value.Contains('.') || value.Contains('/'));

    /// <summary>True for the opt column: <c>--</c>, <c>-f</c>, <c>!f</c> (print_fragment).</summary>
    public static bool IsOption(string text) => text.Length == 2 && text[0] is '-' or '!' && text[1] is '-' or 'f';

    /// <summary>The first <paramref name="max"/> whitespace-separated fields and where the text after them starts.</summary>
    private static List<ListingField> Split(string text, int max, out int restStart)
    {
        var fields = new List<ListingField>(max);
        var at = 0;
        while (fields.Count < max)
        {
            while (at < text.Length && text[at] is ' ' or '\t')
                at++;
            if (at >= text.Length)
                break;
            var start = at;
            while (at < text.Length && text[at] is not (' ' or '\t'))
                at++;
            fields.Add(new ListingField(text[start..at], start + 1));
        }
        restStart = at;
        return fields;
    }
}
