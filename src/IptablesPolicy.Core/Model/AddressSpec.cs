using System.Net;
using System.Net.Sockets;

namespace IptablesPolicy.Core.Model;

/// <summary>
/// The address a rule's <c>-s</c> or <c>-d</c> compares with: an address and a mask, usually a CIDR network.
/// iptables also accepts masks that are not a prefix (<c>10.0.12.0/255.0.255.0</c>), which no
/// <see cref="IPNetwork"/> can hold, so the mask is kept too. A listing may show a host name where no
/// address can be recovered; then only <see cref="HostName"/> is known.
/// </summary>
public sealed record AddressSpec
{
    private AddressSpec(IPAddress? address, IPAddress? mask, int? prefixLength, string? hostName)
    {
        Address = address;
        Mask = mask;
        PrefixLength = prefixLength;
        HostName = hostName;
    }

    /// <summary>The network address (host bits cleared), or null when only a host name is known.</summary>
    public IPAddress? Address { get; }

    /// <summary>The mask as an address (<c>255.255.255.0</c>), or null when only a host name is known.</summary>
    public IPAddress? Mask { get; }

    /// <summary>The prefix length when the mask is a prefix, else null.</summary>
    public int? PrefixLength { get; }

    /// <summary>
    /// A host name the input showed instead of an address (listings resolve names), else null. When
    /// <see cref="Address"/> is also set, the address was inferred from the name (see the listing reader).
    /// </summary>
    public string? HostName { get; }

    /// <summary>The address as a CIDR network, or null when the mask is not a prefix or the address is unknown.</summary>
    public IPNetwork? Network => Address is not null && PrefixLength is int length ? new IPNetwork(Address, length) : null;

    /// <summary>True when the spec matches every address of its family (<c>0.0.0.0/0</c> or <c>::/0</c>).</summary>
    public bool IsAny => PrefixLength == 0;

    /// <summary>Creates the spec for an address and a prefix length, clearing the host bits as iptables does.</summary>
    public static AddressSpec FromPrefix(IPAddress address, int prefixLength)
    {
        var mask = PrefixToMask(address.AddressFamily, prefixLength);
        return new AddressSpec(ApplyMask(address, mask), mask, prefixLength, null);
    }

    /// <summary>Creates the spec for an address and a dotted mask; the prefix length is set when the mask is a prefix.</summary>
    public static AddressSpec FromMask(IPAddress address, IPAddress mask)
    {
        return new AddressSpec(ApplyMask(address, mask), mask, PrefixLengthOf(mask), null);
    }

    /// <summary>Creates a spec that knows only a host name.</summary>
    public static AddressSpec FromHostName(string hostName) => new(null, null, null, hostName);

    /// <summary>
    /// An address inferred from the host name a listing printed (<c>localhost</c>, EC2's
    /// <c>ip-10-0-0-1.ec2.internal</c>): the address is the inference, <see cref="HostName"/> what was shown.
    /// </summary>
    internal static AddressSpec FromInferredHostName(string hostName, AddressSpec inferred) =>
        new(inferred.Address, inferred.Mask, inferred.PrefixLength, hostName);

    /// <summary>
    /// Parses <c>ADDRESS[/PREFIX|/MASK]</c> as iptables reads it; a bare address is a host (/32 or /128).
    /// Returns null when the text is not an address of that form.
    /// </summary>
    public static AddressSpec? TryParse(string text)
    {
        var all = text.AsSpan();
        var slash = all.IndexOf('/');
        var addressText = slash < 0 ? all : all[..slash];
        if (addressText.Contains('%') || !IPAddress.TryParse(addressText, out var address))
            return null;
        if (address.AddressFamily == AddressFamily.InterNetwork && addressText.Count('.') != 3)
            return null;
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (slash < 0)
            return FromPrefix(address, bits);
        var maskText = all[(slash + 1)..];
        if (maskText.Length > 0 && !maskText.ContainsAnyExceptInRange('0', '9'))
            return int.TryParse(maskText, out var length) && length <= bits ? FromPrefix(address, length) : null;
        if (IPAddress.TryParse(maskText, out var mask) && mask.AddressFamily == address.AddressFamily)
            return FromMask(address, mask);
        return null;
    }

    /// <summary>Renders the spec as iptables-save prints it: <c>10.0.0.0/8</c>, <c>10.0.12.0/255.0.255.0</c>, or the host name.</summary>
    public override string ToString() => text ??= Render();

    private string? text;

    private string Render()
    {
        if (Address is null)
            return HostName ?? string.Empty;
        return PrefixLength is int length ? $"{Address}/{length}" : $"{Address}/{Mask}";
    }

    // Masks are shared: a 100k-rule ruleset uses a handful of them.
    private static readonly IPAddress[] IPv4Masks = Enumerable.Range(0, 33).Select(p => BuildMask(AddressFamily.InterNetwork, p)).ToArray();
    private static readonly IPAddress[] IPv6Masks = Enumerable.Range(0, 129).Select(p => BuildMask(AddressFamily.InterNetworkV6, p)).ToArray();

    private static IPAddress PrefixToMask(AddressFamily family, int prefixLength) =>
        family == AddressFamily.InterNetwork ? IPv4Masks[prefixLength] : IPv6Masks[prefixLength];

    private static IPAddress BuildMask(AddressFamily family, int prefixLength)
    {
        var bytes = new byte[family == AddressFamily.InterNetwork ? 4 : 16];
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsHere = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] = (byte)(0xFF << (8 - bitsHere));
        }
        return new IPAddress(bytes);
    }

    /// <summary>The prefix length of a mask, or null when its ones are not contiguous (<c>255.0.255.0</c>).</summary>
    internal static int? PrefixLengthOf(IPAddress mask)
    {
        var length = 0;
        var seenZero = false;
        foreach (var b in mask.GetAddressBytes())
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var set = (b >> bit & 1) == 1;
                if (set && seenZero)
                    return null;
                if (set)
                    length++;
                else
                    seenZero = true;
            }
        }
        return length;
    }

    private static IPAddress ApplyMask(IPAddress address, IPAddress mask)
    {
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> maskBytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        mask.TryWriteBytes(maskBytes, out _);
        var changed = false;
        for (var i = 0; i < length; i++)
        {
            var masked = (byte)(bytes[i] & maskBytes[i]);
            changed |= masked != bytes[i];
            bytes[i] = masked;
        }
        // Most rules name a host or an aligned network: keep the parsed address then.
        return changed ? new IPAddress(bytes[..length]) : address;
    }
}
