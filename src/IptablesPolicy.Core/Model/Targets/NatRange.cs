using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary>
/// What a NAT target maps to, as libxt_NAT's <c>nf_nat_range2</c> holds it: an optional address range, an
/// optional port range and an optional port offset (<c>/BASE</c>, the shifted portmap).
/// </summary>
internal readonly record struct NatRange(IPAddress? First, IPAddress? Last, PortRange? Ports, int? PortOffset)
{
    /// <summary>
    /// Renders the range as libxt_NAT's <c>sprint_range</c> does: <c>ADDR[-ADDR][:PORT[-PORT][/BASE]]</c>,
    /// the IPv6 addresses in brackets when ports follow; <paramref name="portsOnly"/> drops the colon
    /// (<c>--to-ports</c>).
    /// </summary>
    public string Format(bool portsOnly = false)
    {
        var builder = new StringBuilder();
        var brackets = First?.AddressFamily == AddressFamily.InterNetworkV6 && Ports is not null;
        if (First is not null)
        {
            if (brackets)
                builder.Append('[');
            builder.Append(First);
            if (Last is not null && !Last.Equals(First))
                builder.Append('-').Append(Last);
            if (brackets)
                builder.Append(']');
        }
        if (Ports is { } ports)
        {
            if (!portsOnly || builder.Length > 0)
                builder.Append(':');
            builder.Append(ports.First.ToString(CultureInfo.InvariantCulture));
            if (ports.Last != ports.First)
                builder.Append('-').Append(ports.Last.ToString(CultureInfo.InvariantCulture));
            if (PortOffset is { } offset)
                builder.Append('/').Append(offset.ToString(CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>Reads the text <see cref="Format"/> writes; null when it is not of that form.</summary>
    public static NatRange? TryParseCanonical(string text, bool portsOnly = false)
    {
        string addressPart;
        string? portPart;
        if (portsOnly)
        {
            (addressPart, portPart) = (string.Empty, text);
        }
        else if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
                return null;
            (addressPart, portPart) = (text[1..close], text[(close + 2)..]);
        }
        else
        {
            var colon = text.IndexOf(':');
            var isIPv6 = colon >= 0 && text.IndexOf(':', colon + 1) >= 0;
            (addressPart, portPart) = colon < 0 || isIPv6 ? (text, null) : (text[..colon], text[(colon + 1)..]);
        }
        IPAddress? first = null, last = null;
        if (addressPart.Length > 0)
        {
            var dash = addressPart.IndexOf('-');
            if (!IPAddress.TryParse(dash < 0 ? addressPart : addressPart[..dash], out first))
                return null;
            last = first;
            if (dash >= 0 && !IPAddress.TryParse(addressPart[(dash + 1)..], out last))
                return null;
        }
        if (portPart is null)
            return new NatRange(first, last, null, null);
        int? offset = null;
        var slash = portPart.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(portPart.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var o))
                return null;
            offset = o;
            portPart = portPart[..slash];
        }
        var range = PortRange.TryParse(portPart.Replace('-', ':'));
        return range is null ? null : new NatRange(first, last, range, offset);
    }
}
