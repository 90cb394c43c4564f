namespace IptablesPolicy.Core.Parsing;

/// <summary>
/// Service names iptables accepts in place of port numbers (it asks getservbyname, which reads the
/// system's /etc/services). Names and numbers are facts of the IANA service name registry; the table
/// holds the ones rulesets and listings use, so results do not depend on the machine.
/// </summary>
internal static class ServiceNames
{
    private static readonly Dictionary<string, int> PortByName = new(StringComparer.Ordinal)
    {
        ["tcpmux"] = 1, ["echo"] = 7, ["discard"] = 9, ["systat"] = 11, ["daytime"] = 13, ["netstat"] = 15,
        ["qotd"] = 17, ["chargen"] = 19, ["ftp-data"] = 20, ["ftp"] = 21, ["ssh"] = 22, ["telnet"] = 23,
        ["smtp"] = 25, ["time"] = 37, ["whois"] = 43, ["tacacs"] = 49, ["domain"] = 53, ["gopher"] = 70,
        ["finger"] = 79, ["http"] = 80, ["kerberos"] = 88, ["iso-tsap"] = 102, ["pop3"] = 110, ["sunrpc"] = 111,
        ["auth"] = 113, ["nntp"] = 119, ["ntp"] = 123, ["epmap"] = 135, ["netbios-ns"] = 137,
        ["netbios-dgm"] = 138, ["netbios-ssn"] = 139, ["imap2"] = 143, ["imap"] = 143, ["snmp"] = 161,
        ["snmp-trap"] = 162, ["bgp"] = 179, ["irc"] = 194, ["ldap"] = 389, ["https"] = 443,
        ["microsoft-ds"] = 445, ["kpasswd"] = 464, ["submissions"] = 465, ["isakmp"] = 500, ["syslog"] = 514,
        ["printer"] = 515, ["route"] = 520, ["submission"] = 587, ["ldaps"] = 636, ["rsync"] = 873,
        ["ftps-data"] = 989, ["ftps"] = 990, ["telnets"] = 992, ["imaps"] = 993, ["pop3s"] = 995,
        ["socks"] = 1080, ["openvpn"] = 1194, ["ms-sql-s"] = 1433, ["ms-sql-m"] = 1434, ["l2f"] = 1701,
        ["pptp"] = 1723, ["radius"] = 1812, ["radius-acct"] = 1813, ["nfs"] = 2049, ["mysql"] = 3306,
        ["ms-wbt-server"] = 3389, ["svn"] = 3690, ["sip"] = 5060, ["sip-tls"] = 5061, ["xmpp-client"] = 5222,
        ["xmpp-server"] = 5269, ["postgresql"] = 5432, ["amqp"] = 5672, ["x11"] = 6000, ["http-alt"] = 8080,
        ["webcache"] = 8080, ["zabbix-agent"] = 10050, ["zabbix-trapper"] = 10051,
    };

    /// <summary>Reads a port as iptables takes it: a number from 0 to 65535 or a service name.</summary>
    public static bool TryParsePort(string text, out int port)
    {
        if (text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9'))
            return int.TryParse(text, out port) && port <= 65535;
        return PortByName.TryGetValue(text, out port);
    }
}
