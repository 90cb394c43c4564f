using System.Net;
using System.Net.Sockets;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>Numeric addresses as extensions take them (<c>xtables_numeric_to_ipaddr</c>, <c>xtopt_parse_hostmask</c>), in the rule's family.</summary>
internal static class Addresses
{
    /// <summary>A numeric address of the rule's family (either family when the rule's is not known yet).</summary>
    public static IPAddress? Parse(string text, string option, ExtensionContext context)
    {
        if (IPAddress.TryParse(text, out var address) && !text.Contains('%')
            && (address.AddressFamily != AddressFamily.InterNetwork || text.Count(c => c == '.') == 3)
            && FitsFamily(address, context.Family))
            return address;
        context.Fail($"invalid address '{text}' for {option}: expected a numeric {Describe(context.Family)} address");
        return null;
    }

    /// <summary>
    /// <c>ADDRESS[/PREFIX|/MASK]</c> as <c>XTTYPE_HOSTMASK</c> reads it (the host bits are kept), rendered as
    /// the ipvs and policy extensions print it: no suffix for a full mask, else <c>/N</c>. A mask that is not a
    /// prefix (<c>255.0.255.0</c>) ends up as a full mask: libxtables loses it (checked with iptables 1.8.9).
    /// </summary>
    public static string? ParseHostMask(string text, string option, ExtensionContext context)
    {
        var slash = text.IndexOf('/');
        var address = Parse(slash < 0 ? text : text[..slash], option, context);
        if (address is null)
            return null;
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
            return address.ToString();
        var maskText = text[(slash + 1)..];
        int? prefix = null;
        if (maskText.Length > 0 && !maskText.AsSpan().ContainsAnyExceptInRange('0', '9') && int.TryParse(maskText, out var length) && length <= bits)
            prefix = length;
        else if (IPAddress.TryParse(maskText, out var mask) && mask.AddressFamily == address.AddressFamily && !maskText.Contains('%'))
            prefix = AddressSpec.PrefixLengthOf(mask);
        else
        {
            context.Fail($"invalid mask in '{text}' for {option}: expected /PREFIX (0 to {bits}) or /MASK");
            return null;
        }
        return prefix is null || prefix == bits ? address.ToString() : $"{address}/{prefix}";
    }

    /// <summary>The family an address belongs to.</summary>
    public static IpFamily FamilyOf(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork ? IpFamily.IPv4 : IpFamily.IPv6;

    private static bool FitsFamily(IPAddress address, IpFamily family) =>
        family == IpFamily.Unknown || FamilyOf(address) == family;

    private static string Describe(IpFamily family) => family switch
    {
        IpFamily.IPv4 => "IPv4",
        IpFamily.IPv6 => "IPv6",
        _ => "IPv4 or IPv6",
    };
}
