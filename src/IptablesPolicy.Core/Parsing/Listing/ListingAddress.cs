using System.Text.RegularExpressions;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// A source or destination column read back. <c>-n</c> prints addresses (<c>10.0.91.63</c> for a /32,
/// <c>0.0.0.0/0</c> for any); without it iptables prints <c>anywhere</c> for any and resolves other addresses
/// to host names, which cannot be mapped back in general. A few documented names are inferred and
/// marked so: <c>localhost</c>, the networks Debian's /etc/networks names (<c>loopback</c>, <c>link-local</c>), and EC2's private DNS names (<c>ip-10-100-3-44.us-east-2.compute.internal</c>
/// is 10.100.3.44, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html).
/// </summary>
internal sealed partial record ListingAddress(bool Negated, string? Argument, string? HostName, bool Inferred)
{
    [GeneratedRegex(@"^ip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?:\.[A-Za-z0-9.-]+)?$")]
    private static partial Regex Ec2Name();

    /// <summary>True when the column does not restrict the address.</summary>
    public bool IsAny => Argument is null && HostName is null;

    public static ListingAddress Read(string text, IpFamily family)
    {
        var negated = text.StartsWith('!');
        var value = negated ? text[1..] : text;
        if (value == "anywhere")
            return new ListingAddress(negated, negated ? (family == IpFamily.IPv6 ? "::/0" : "0.0.0.0/0") : null, null, false);
        if (AddressSpec.TryParse(value) is { } spec)
            return new ListingAddress(negated, spec.IsAny && !negated ? null : value, null, false);
        var slash = value.IndexOf('/');
        var name = slash < 0 ? value : value[..slash];
        var suffix = slash < 0 ? string.Empty : value[slash..];
        if (Infer(name, family) is { } address && AddressSpec.TryParse(address + suffix) is not null)
            return new ListingAddress(negated, address + suffix, value, true);
        return new ListingAddress(negated, null, value, false);
    }

    private static string? Infer(string name, IpFamily family)
    {
        if (name is "localhost" or "localhost.localdomain")
            return family == IpFamily.IPv6 ? "::1" : "127.0.0.1";
        // Debian's /etc/networks names these networks, and iptables -L prints network names for them.
        if (name == "loopback" && family != IpFamily.IPv6)
            return "127.0.0.0";
        if (name == "link-local" && family != IpFamily.IPv6)
            return "169.254.0.0";
        if (name is "ip6-localhost" or "ip6-loopback" or "localhost6" or "localhost6.localdomain6")
            return "::1";
        var ec2 = Ec2Name().Match(name);
        if (!ec2.Success)
            return null;
        var octets = Enumerable.Range(1, 4).Select(i => int.Parse(ec2.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return octets.All(o => o <= 255) ? string.Join('.', octets) : null;
    }
}
