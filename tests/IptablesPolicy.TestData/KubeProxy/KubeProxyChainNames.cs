using System.Security.Cryptography;
using System.Text;

namespace IptablesPolicy.TestData.KubeProxy;

/// <summary>
/// Chain names as kube-proxy's iptables proxier makes them: a prefix and the first 16 characters of the
/// base32 (RFC 4648) SHA-256 of the service port name, the protocol and, for endpoints, the endpoint
/// (kubernetes pkg/proxy/iptables/proxier.go, portProtoHash).
/// </summary>
public static class KubeProxyChainNames
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary><c>KUBE-SVC-…</c>: the chain that load-balances a service port over its endpoints.</summary>
    public static string Service(string servicePortName, string protocol) => "KUBE-SVC-" + Hash(servicePortName + protocol);

    /// <summary><c>KUBE-EXT-…</c>: the chain external (NodePort) traffic to a service port goes through.</summary>
    public static string External(string servicePortName, string protocol) => "KUBE-EXT-" + Hash(servicePortName + protocol);

    /// <summary><c>KUBE-SEP-…</c>: the chain that DNATs to one endpoint (<c>ip:port</c>).</summary>
    public static string Endpoint(string servicePortName, string protocol, string endpoint) =>
        "KUBE-SEP-" + Hash(servicePortName + protocol + endpoint);

    private static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        // 16 base32 characters are exactly the first 80 bits (10 bytes) of the digest.
        var builder = new StringBuilder(16);
        ulong buffer = 0;
        var bits = 0;
        for (var i = 0; i < 10; i++)
        {
            buffer = (buffer << 8) | digest[i];
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                builder.Append(Base32Alphabet[(int)((buffer >> bits) & 31)]);
            }
        }
        return builder.ToString();
    }
}
