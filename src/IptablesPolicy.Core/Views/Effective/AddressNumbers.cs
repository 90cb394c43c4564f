using System.Net;
using System.Net.Sockets;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>Addresses as numbers: IPv4 addresses from 0 to 2^32-1, IPv6 addresses from 0 to 2^128-1.</summary>
internal static class AddressNumbers
{
    public static readonly UInt128 MaxIPv4 = uint.MaxValue;

    public static readonly UInt128 MaxIPv6 = UInt128.MaxValue;

    // Beyond this many intervals a scattered mask is left unmodelled rather than listed.
    private const int MaxMaskIntervals = 1 << 16;

    public static bool IsIPv4(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork;

    public static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        UInt128 value = 0;
        for (var i = 0; i < length; i++)
            value = (value << 8) | bytes[i];
        return value;
    }

    public static IPAddress ToAddress(UInt128 value, bool ipv4)
    {
        var length = ipv4 ? 4 : 16;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }
        return new IPAddress(bytes);
    }

    /// <summary>
    /// The addresses <c>x</c> with <c>x &amp; mask == address</c>, as intervals: one for a prefix, one per
    /// combination of the mask's inner zero bits otherwise. Null when that is too many to list.
    /// </summary>
    public static IEnumerable<(UInt128 First, UInt128 Last)>? MaskIntervals(AddressSpec spec)
    {
        if (spec.Address is not { } address || spec.Mask is not { } mask)
            return null;
        var bits = IsIPv4(address) ? 32 : 128;
        var value = ToNumber(address);
        var maskValue = ToNumber(mask);
        if (maskValue == 0)
            return [(0, bits == 32 ? MaxIPv4 : MaxIPv6)];
        var trailing = (int)UInt128.TrailingZeroCount(maskValue);
        var blockSize = (UInt128.One << trailing) - 1;
        var freeBits = new List<int>();
        for (var bit = trailing; bit < bits; bit++)
        {
            if (((maskValue >> bit) & 1) == 0)
                freeBits.Add(bit);
        }
        if (freeBits.Count > 16 || (1 << freeBits.Count) > MaxMaskIntervals)
            return null;
        var result = new List<(UInt128, UInt128)>(1 << freeBits.Count);
        for (var combination = 0; combination < 1 << freeBits.Count; combination++)
        {
            var first = value & ~blockSize;
            for (var i = 0; i < freeBits.Count; i++)
            {
                if (((combination >> i) & 1) == 1)
                    first |= UInt128.One << freeBits[i];
            }
            result.Add((first, first | blockSize));
        }
        return result;
    }
}
