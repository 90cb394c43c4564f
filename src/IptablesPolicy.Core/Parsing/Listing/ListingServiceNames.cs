namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// Ports as <c>iptables -L</c> prints them: numbers or the service names of the listing machine's
/// /etc/services (<see cref="ServiceNames"/> holds Debian's and the Red Hat family's), turned back into
/// the numbers iptables-save prints.
/// </summary>
internal static class ListingServiceNames
{
    /// <summary>The port number for a name or number, or null.</summary>
    public static string? PortNumber(string text) => ServiceNames.TryParsePort(text, out var port) ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// A port range as a listing prints it (<c>http:https</c>, <c>1024:65535</c>, <c>!ssh</c>), with the
    /// numbers iptables-save would print; null when a name is not known.
    /// </summary>
    public static string? Range(string text, char separator = ':')
    {
        var at = text.IndexOf(separator);
        if (at < 0)
            return PortNumber(text);
        var first = PortNumber(text[..at]);
        var last = PortNumber(text[(at + 1)..]);
        return first is null || last is null ? null : $"{first}:{last}";
    }
}
