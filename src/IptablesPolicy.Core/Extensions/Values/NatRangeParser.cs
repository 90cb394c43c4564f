using System.Net;
using System.Net.Sockets;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// Reads the NAT targets' <c>--to-destination</c>, <c>--to-source</c> and <c>--to-ports</c> values as
/// libxt_NAT's <c>parse_to</c> and <c>parse_ports</c> do.
/// </summary>
internal static class NatRangeParser
{
    /// <summary>The protocols whose rules may give ports (<c>portok</c> in libxt_NAT.c).</summary>
    private static readonly string[] PortProtocols = ["tcp", "udp", "sctp", "dccp", "icmp"];

    /// <summary>
    /// Reads <c>[ADDR[-ADDR]][:PORT[-PORT][/BASE]]</c> (IPv6 addresses in brackets when ports follow).
    /// </summary>
    public static NatRange? ParseTo(string text, IpFamily family, ExtensionContext context)
    {
        string addressPart;
        string? portPart = null;
        var open = text.IndexOf('[');
        if (open >= 0)
        {
            var close = text.IndexOf(']', open + 1);
            if (close < 0 || family == IpFamily.IPv4)
            {
                context.Fail($"invalid address format '{text}': expected [IPV6-ADDRESS]:PORT with IPv6 only");
                return null;
            }
            addressPart = text[(open + 1)..close];
            var colon = text.IndexOf(':', close + 1);
            if (colon >= 0)
                portPart = text[(colon + 1)..];
        }
        else
        {
            // One colon is a port; several are an IPv6 address.
            var colon = text.IndexOf(':');
            if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0)
                colon = -1;
            addressPart = colon >= 0 ? text[..colon] : text;
            if (colon >= 0)
                portPart = text[(colon + 1)..];
        }
        PortRange? ports = null;
        int? offset = null;
        if (portPart is not null)
        {
            if (ParsePorts(portPart, context) is not var (range, o))
                return null;
            (ports, offset) = (range, o);
            if (addressPart.Length == 0)
                return new NatRange(null, null, ports, offset);
        }
        var dash = addressPart.IndexOf('-');
        var first = ParseAddress(dash < 0 ? addressPart : addressPart[..dash], family, context);
        if (first is null)
            return null;
        var last = dash < 0 ? first : ParseAddress(addressPart[(dash + 1)..], family, context);
        return last is null ? null : new NatRange(first, last, ports, offset);
    }

    /// <summary>
    /// Reads <c>PORT[-PORT][/BASE]</c>: a service name only where a single port or the base stands,
    /// a dash (not a colon) between the ports; the rule must name a protocol with ports.
    /// </summary>
    public static (PortRange Ports, int? Offset)? ParsePorts(string text, ExtensionContext context)
    {
        if (context.Protocol is not { } protocol || !PortProtocols.Contains(protocol))
        {
            context.Fail("ports need -p tcp, udp, sctp, dccp or icmp");
            return null;
        }
        int first;
        var rest = string.Empty;
        if (TryReadNumber(text, out var value, out var end) && value <= 65535)
        {
            first = (int)value;
            rest = text[end..];
        }
        else if (ServiceNames.TryParsePort(text, out var named) && text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            first = named;
        }
        else
        {
            context.Fail($"invalid port '{text}': expected a number from 0 to 65535 or a service name");
            return null;
        }
        if (rest.Length == 0)
            return (new PortRange(first, first), null);
        if (rest[0] == ':')
        {
            context.Fail($"invalid port range '{text}': expected FIRST-LAST with a dash");
            return null;
        }
        if (rest[0] != '-')
        {
            context.Fail($"unexpected '{rest}' after the port in '{text}'");
            return null;
        }
        rest = rest[1..];
        if (!TryReadNumber(rest, out var lastValue, out end) || lastValue > 65535)
        {
            context.Fail($"invalid port range '{text}': expected FIRST-LAST with numbers from 0 to 65535");
            return null;
        }
        if ((int)lastValue < first)
        {
            context.Fail($"port range '{text}' is empty: expected FIRST at most LAST");
            return null;
        }
        var ports = new PortRange(first, (int)lastValue);
        rest = rest[end..];
        if (rest.Length == 0)
            return (ports, null);
        if (rest[0] != '/')
        {
            context.Fail($"unexpected '{rest}' after the port range in '{text}'");
            return null;
        }
        var baseText = rest[1..];
        if (OptionValues.TryParseUnsigned(baseText, out var baseValue) && baseValue is >= 1 and <= 65535)
            return (ports, (int)baseValue);
        if (baseText.AsSpan().ContainsAnyExceptInRange('0', '9') && ServiceNames.TryParsePort(baseText, out var baseNamed) && baseNamed >= 1)
            return (ports, baseNamed);
        context.Fail($"invalid base port '{baseText}': expected a number from 1 to 65535 or a service name");
        return null;
    }

    /// <summary>An address as <c>inet_pton</c> reads it for the family: dotted quads for IPv4, no scope for IPv6.</summary>
    public static IPAddress? ParseAddress(string text, IpFamily family, ExtensionContext context)
    {
        var wanted = family == IpFamily.IPv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        if (IPAddress.TryParse(text, out var address) && !text.Contains('%') && address.AddressFamily == wanted
            && (wanted == AddressFamily.InterNetworkV6 || IsDottedQuad(text)))
            return address;
        context.Fail($"bad IP address '{text}': expected an {(family == IpFamily.IPv6 ? "IPv6" : "IPv4")} address");
        return null;
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = 0;
        foreach (var range in text.AsSpan().Split('.'))
        {
            var part = text.AsSpan(range);
            if (++parts > 4 || part.Length is 0 or > 3 || part.ContainsAnyExceptInRange('0', '9'))
                return false;
        }
        return parts == 4;
    }

    /// <summary>Reads the leading number as <c>strtoul</c> with base 0 does; false when no digit leads.</summary>
    private static bool TryReadNumber(string text, out ulong value, out int end)
    {
        value = 0;
        end = 0;
        var isHex = text.Length > 2 && text[0] == '0' && (text[1] is 'x' or 'X') && char.IsAsciiHexDigit(text[2]);
        var numberBase = isHex ? 16u : text.StartsWith('0') ? 8u : 10u;
        var i = isHex ? 2 : 0;
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            uint digit;
            if (char.IsAsciiDigit(c))
                digit = (uint)(c - '0');
            else if (numberBase == 16 && char.IsAsciiHexDigit(c))
                digit = (uint)(char.ToLowerInvariant(c) - 'a' + 10);
            else
                break;
            if (digit >= numberBase)
                break;
            value = Math.Min((value * numberBase) + digit, uint.MaxValue + 1UL);
            i++;
        }
        end = i;
        return i > start;
    }
}
