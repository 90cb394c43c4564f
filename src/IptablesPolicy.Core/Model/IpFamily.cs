namespace IptablesPolicy.Core.Model;

/// <summary>The address family a snapshot was taken from: <c>iptables</c> (IPv4) or <c>ip6tables</c> (IPv6).</summary>
public enum IpFamily
{
    /// <summary>The input does not say, and no address in it tells.</summary>
    Unknown,

    /// <summary>IPv4, as written by <c>iptables</c> and <c>iptables-save</c>.</summary>
    IPv4,

    /// <summary>IPv6, as written by <c>ip6tables</c> and <c>ip6tables-save</c>.</summary>
    IPv6,
}
