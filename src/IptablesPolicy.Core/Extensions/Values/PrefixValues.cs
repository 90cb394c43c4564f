using System.Net.Sockets;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>Normalizers for <c>ADDRESS[/PREFIX]</c> option values (<c>XTTYPE_HOSTMASK</c>, <c>XTTYPE_HOST</c>).</summary>
internal static class PrefixValues
{
    /// <summary>
    /// <c>ADDRESS[/PREFIX|/MASK]</c> of the rule's family, printed as the network with its prefix length
    /// (<c>1.2.3.4</c> becomes <c>1.2.3.4/32</c>); <paramref name="ipv6Only"/> refuses IPv4.
    /// </summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Network(string what, bool ipv6Only = false) =>
        (values, context) =>
        {
            var text = values[0];
            var spec = AddressSpec.TryParse(text);
            var family = spec?.Address?.AddressFamily == AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;
            if (spec?.Address is null)
            {
                context.Fail($"invalid {what} '{text}': expected ADDRESS/PREFIX");
                return null;
            }
            if ((ipv6Only && family != IpFamily.IPv6) || (context.Family != IpFamily.Unknown && context.Family != family))
            {
                context.Fail($"{what} {text} is an {family} address in an {(ipv6Only ? IpFamily.IPv6 : context.Family)} rule");
                return null;
            }
            return [spec.ToString()];
        };

    /// <summary>A single address of the rule's family (<c>XTTYPE_HOST</c>, without name resolution).</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Host(string what) =>
        (values, context) =>
        {
            var text = values[0];
            var spec = AddressSpec.TryParse(text);
            if (spec?.Address is null || text.Contains('/'))
            {
                context.Fail($"invalid {what} '{text}': expected an IP address");
                return null;
            }
            var family = spec.Address.AddressFamily == AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;
            if (context.Family != IpFamily.Unknown && context.Family != family)
            {
                context.Fail($"{what} {text} is an {family} address in an {context.Family} rule");
                return null;
            }
            return [spec.Address.ToString()];
        };
}
