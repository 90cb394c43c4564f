using System.Globalization;

namespace IptablesPolicy.Core.Model;

/// <summary>An inclusive range of TCP, UDP, SCTP or DCCP ports; a single port has <see cref="First"/> equal to <see cref="Last"/>.</summary>
/// <param name="First">The first port of the range.</param>
/// <param name="Last">The last port of the range.</param>
public readonly record struct PortRange(int First, int Last)
{
    /// <summary>Every port, 0 to 65535.</summary>
    public static PortRange All { get; } = new(0, 65535);

    /// <summary>True when the range holds the port.</summary>
    public bool Contains(int port) => port >= First && port <= Last;

    /// <summary>Renders the range as iptables-save prints it: <c>22</c> or <c>1024:65535</c>.</summary>
    public override string ToString() => First == Last
        ? PortText(First)
        : string.Create(CultureInfo.InvariantCulture, $"{First}:{Last}");

    // A ruleset names the same few ports on thousands of rules; each gets one string.
    private static readonly string?[] PortTexts = new string?[65536];

    private static string PortText(int port) =>
        (uint)port < PortTexts.Length
            ? PortTexts[port] ??= port.ToString(CultureInfo.InvariantCulture)
            : port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads <c>PORT</c> or <c>FIRST:LAST</c> as iptables-save writes it; null when the text is not of that form.</summary>
    public static PortRange? TryParse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0)
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? new PortRange(port, port) : null;
        return int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first <= last && last <= 65535
            ? new PortRange(first, last)
            : null;
    }
}
