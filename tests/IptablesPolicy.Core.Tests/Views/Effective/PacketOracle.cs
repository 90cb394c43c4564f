using System.Net;
using System.Net.Sockets;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Views.Effective;

/// <summary>
/// Loads counting rules (no target) into a chain OUTPUT jumps to, in a throw-away network namespace, sends
/// crafted packets one at a time and reads which rules counted each. The packets leave by veth links with
/// permanent neighbours, so nothing waits for ARP or neighbour discovery and no error comes back through
/// OUTPUT.
/// </summary>
internal static class PacketOracle
{
    // Interface, IPv4 link network, IPv4 routes, IPv6 link network, IPv6 routes.
    private static readonly (string Name, string V4Link, string V4Route, string V6Link, string V6Route)[] Links =
    [
        ("eth0", "192.0.2", "0.0.0.0/0", "2001:db8:ffff:1", "::/0"),
        ("docker0", "198.18.0", "172.17.0.0/16", "2001:db8:ffff:2", "fd17::/16"),
        ("eni7", "198.19.0", "100.64.0.0/10", "2001:db8:ffff:3", "fd64::/16"),
    ];

    private static readonly Dictionary<string, bool[][]> Runs = new(StringComparer.Ordinal);

    /// <summary>The interface a packet to the address leaves by.</summary>
    public static string OutInterfaceFor(IPAddress destination) =>
        Links.Skip(1).FirstOrDefault(l => IPNetwork.Parse(destination.AddressFamily == AddressFamily.InterNetwork ? l.V4Route : l.V6Route).Contains(destination)).Name
        ?? Links[0].Name;

    /// <summary>
    /// Whether each rule counted each probe (<c>[probe][rule]</c>), from one run per command, backend and
    /// rule list. <paramref name="command"/> is <c>iptables</c> or <c>ip6tables</c>.
    /// </summary>
    public static bool[][] Run(string command, string backend, IReadOnlyList<string> rules, IReadOnlyList<OracleProbe> probes)
    {
        NetfilterTools.RequireBackend(command, backend);
        NetfilterTools.Require("python3");
        var key = $"{command}-{backend}:{string.Join('|', rules)}";
        lock (Runs)
        {
            if (Runs.TryGetValue(key, out var known))
                return known;
        }
        using var ns = NetworkNamespace.Create();
        SetUpLinks(ns);
        var text = string.Join('\n', ["*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":PROBE - [0:0]",
            OnlyProbes(command), .. rules.Select(r => "-A PROBE " + r), "COMMIT", ""]);
        var restore = ns.Run($"{command}-{backend}-restore", [], standardInput: text);
        restore.Succeeded.ShouldBeTrue(restore.ToString());

        var counts = Counts(ns, command, backend, rules.Count);
        var counted = new bool[probes.Count][];
        for (var p = 0; p < probes.Count; p++)
        {
            var sent = ns.Run("python3", ["-c", Sender, .. probes[p].Arguments()]);
            sent.Succeeded.ShouldBeTrue($"{probes[p]}: {sent}");
            var after = Counts(ns, command, backend, rules.Count);
            counted[p] = after.Select((count, i) => count > counts[i]).ToArray();
            counts = after;
        }
        lock (Runs)
            Runs[key] = counted;
        return counted;
    }

    // The probes go out with a hop limit of 64; the kernel's own neighbour discovery and MLD reports, sent
    // while the links come up, use 255 and 1 and would count on the rules too.
    private static string OnlyProbes(string command) =>
        command == "ip6tables" ? "-A OUTPUT -m hl --hl-eq 64 -j PROBE" : "-A OUTPUT -m ttl --ttl-eq 64 -j PROBE";

    private static void SetUpLinks(NetworkNamespace ns)
    {
        var commands = new List<string[]> { new[] { "link", "set", "lo", "up" } };
        for (var i = 0; i < Links.Length; i++)
        {
            var (name, v4Link, v4Route, v6Link, v6Route) = Links[i];
            var mac = $"02:00:00:00:00:0{i + 1}";
            commands.Add(["link", "add", name, "type", "veth", "peer", "name", $"peer{i}"]);
            commands.Add(["link", "set", name, "up"]);
            commands.Add(["link", "set", $"peer{i}", "up"]);
            commands.Add(["addr", "add", $"{v4Link}.2/24", "dev", name]);
            commands.Add(["neigh", "replace", $"{v4Link}.1", "lladdr", mac, "dev", name, "nud", "permanent"]);
            commands.Add(["route", "replace", v4Route, "via", $"{v4Link}.1", "dev", name]);
            commands.Add(["-6", "addr", "add", $"{v6Link}::2/64", "dev", name, "nodad"]);
            commands.Add(["-6", "neigh", "replace", $"{v6Link}::1", "lladdr", mac, "dev", name, "nud", "permanent"]);
            commands.Add(["-6", "route", "replace", v6Route, "via", $"{v6Link}::1", "dev", name]);
        }
        foreach (var command in commands)
        {
            var result = ns.Run("ip", command);
            Prerequisites.Require(result.Succeeded, $"ip {string.Join(' ', command)}: {result}");
        }
    }

    private static long[] Counts(NetworkNamespace ns, string command, string backend, int ruleCount)
    {
        var saved = ns.Run($"{command}-{backend}-save", ["-c", "-t", "filter"]);
        saved.Succeeded.ShouldBeTrue(saved.ToString());
        var chain = SnapshotReader.Parse(saved.StandardOutput, "kernel").FindTable("filter")!.FindChain("PROBE")!;
        chain.Rules.Count.ShouldBe(ruleCount);
        return chain.Rules.Select(r => (long)r.Counters!.Value.Packets).ToArray();
    }

    // One raw packet, IP header included (IPPROTO_RAW implies it for both families).
    private const string Sender = """
        import socket, struct, sys
        proto, src, dst, sport, dport, itype, icode, frag = sys.argv[1:9]
        proto, sport, dport, itype, icode = int(proto), int(sport), int(dport), int(itype), int(icode)
        if proto == 6:
            payload = struct.pack('!HHIIBBHHH', sport, dport, 1, 0, 5 << 4, 0x02, 65535, 0, 0)
        elif proto == 17:
            payload = struct.pack('!HHHH', sport, dport, 16, 0) + bytes(8)
        elif proto in (1, 58):
            payload = struct.pack('!BBHHH', itype, icode, 0, 1, 1) + bytes(8)
        else:
            payload = bytes(16)
        if ':' in dst:
            header = struct.pack('!IHBB16s16s', 6 << 28, len(payload), proto, 64,
                                 socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst))
            s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_RAW)
            s.sendto(header + payload, (dst, 0))
        else:
            flags = {'none': 0, 'first': 0x2000, 'nonfirst': 3}[frag]
            header = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 0x1234, flags, 64, proto, 0,
                                 socket.inet_aton(src), socket.inet_aton(dst))
            s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
            s.sendto(header + payload, (dst, 0))
        """;
}
