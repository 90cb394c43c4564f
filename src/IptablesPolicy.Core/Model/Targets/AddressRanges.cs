using System.Net;

namespace IptablesPolicy.Core.Model.Targets;

/// <summary>Turns an inclusive address range into the network it is, when it is one.</summary>
internal static class AddressRanges
{
    public static IPNetwork? AsNetwork(IPAddress first, IPAddress last)
    {
        if (first.AddressFamily != last.AddressFamily)
            return null;
        var a = first.GetAddressBytes();
        var b = last.GetAddressBytes();
        var prefix = 0;
        while (prefix < a.Length * 8 && Bit(a, prefix) == Bit(b, prefix))
            prefix++;
        // Below the common prefix, the first address must be all zeros and the last all ones.
        for (var i = prefix; i < a.Length * 8; i++)
        {
            if (Bit(a, i) != 0 || Bit(b, i) != 1)
                return null;
        }
        return new IPNetwork(first, prefix);
    }

    private static int Bit(byte[] bytes, int index) => (bytes[index / 8] >> (7 - (index % 8))) & 1;
}
