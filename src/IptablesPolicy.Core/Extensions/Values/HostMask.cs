using System.Net;
using System.Net.Sockets;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// An address with an optional mask as libxtables reads <c>XTTYPE_HOSTMASK</c> (<c>ADDRESS[/PREFIX|/MASK]</c>)
/// and as extensions such as conntrack save it: the address as given (host bits are not cleared), then
/// nothing for a full mask, <c>/PREFIX</c> for a prefix, or <c>/MASK</c> for any other mask. Host names are
/// not resolved: they would make the result depend on the machine.
/// </summary>
internal static class HostMask
{
    /// <summary>Parses the text for the rule's family (either family when it is not known yet).</summary>
    public static (IPAddress Address, IPAddress Mask)? Parse(string text, IpFamily family, ExtensionContext context)
    {
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(addressText, out var address) || !FitsFamily(address, family))
        {
            context.Fail($"invalid address '{text}': expected an {Describe(family)} address, optionally with /PREFIX or /MASK");
            return null;
        }
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
            return (address, PrefixMask(address.AddressFamily, bits));
        var maskText = text[(slash + 1)..];
        if (maskText.Length > 0 && !maskText.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            if (int.TryParse(maskText, out var length) && length <= bits)
                return (address, PrefixMask(address.AddressFamily, length));
        }
        else if (IPAddress.TryParse(maskText, out var mask) && mask.AddressFamily == address.AddressFamily && !maskText.Contains('%'))
        {
            return (address, mask);
        }
        context.Fail($"invalid mask in '{text}': expected a prefix length from 0 to {bits} or a mask such as 255.255.255.0");
        return null;
    }

    /// <summary>Renders as iptables-save does: <c>10.0.0.1</c>, <c>10.0.0.0/8</c>, <c>10.0.0.0/255.0.255.0</c>.</summary>
    public static string Render(IPAddress address, IPAddress mask)
    {
        var length = AddressSpec.PrefixLengthOf(mask);
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        return length switch
        {
            null => $"{address}/{mask}",
            var l when l == bits => address.ToString(),
            var l => $"{address}/{l}",
        };
    }

    /// <summary>A normalizer for one <c>ADDRESS[/MASK]</c> option, saved as <see cref="Render"/> writes it.</summary>
    public static IReadOnlyList<string>? Normalize(IReadOnlyList<string> values, ExtensionContext context) =>
        Parse(values[0], context.Family, context) is var (address, mask) ? [Render(address, mask)] : null;

    /// <summary>The number of leading one bits of a mask (what connlimit's <c>count_bits</c> computes).</summary>
    public static int LeadingOnes(IPAddress mask)
    {
        var length = 0;
        foreach (var b in mask.GetAddressBytes())
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                if (((b >> bit) & 1) == 0)
                    return length;
                length++;
            }
        }
        return length;
    }

    /// <summary>Reads a numeric address the way inet_pton does: dotted quads for IPv4, no zone index.</summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains('%') || !IPAddress.TryParse(text, out var parsed))
            return false;
        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
            return false;
        address = parsed;
        return true;
    }

    private static bool FitsFamily(IPAddress address, IpFamily family) => family switch
    {
        IpFamily.IPv4 => address.AddressFamily == AddressFamily.InterNetwork,
        IpFamily.IPv6 => address.AddressFamily == AddressFamily.InterNetworkV6,
        _ => true,
    };

    private static string Describe(IpFamily family) => family switch
    {
        IpFamily.IPv4 => "IPv4",
        IpFamily.IPv6 => "IPv6",
        _ => "IPv4 or IPv6",
    };

    private static IPAddress PrefixMask(AddressFamily family, int prefixLength)
    {
        var bytes = new byte[family == AddressFamily.InterNetwork ? 4 : 16];
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsHere = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] = (byte)(0xFF << (8 - bitsHere));
        }
        return new IPAddress(bytes);
    }
}
