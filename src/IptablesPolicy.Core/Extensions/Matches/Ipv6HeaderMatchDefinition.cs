using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m ipv6header --header LIST [--soft]</c> (libip6t_ipv6header.c): the extension headers a packet
/// must have, named as /etc/protocols names them (<c>ipv6-frag</c>) or by iptables' own short names
/// (<c>frag</c>) or numbers, saved in iptables' order with the /etc/protocols names.
/// </summary>
internal sealed class Ipv6HeaderMatchDefinition : ExtensionDefinition
{
    // chain_flags order: the order print_header writes, with the name getprotobynumber gives (hop-by-hop
    // for 0, which it does not look up; "protocol" for 255, which /etc/protocols does not list).
    private static readonly (int Protocol, string SavedName)[] Headers =
    [
        (0, "hop-by-hop"), (60, "ipv6-opts"), (43, "ipv6-route"), (44, "ipv6-frag"), (51, "ah"), (50, "esp"),
        (59, "ipv6-nonxt"), (255, "protocol"),
    ];

    // getprotobyname (the IANA keywords and aliases of /etc/protocols for these headers), then iptables' chain_protos.
    private static readonly Dictionary<string, int> ProtocolByName = new(StringComparer.Ordinal)
    {
        ["ip"] = 0, ["IP"] = 0, ["hopopt"] = 0, ["HOPOPT"] = 0, ["ipv6-route"] = 43, ["IPv6-Route"] = 43,
        ["ipv6-frag"] = 44, ["IPv6-Frag"] = 44, ["esp"] = 50, ["IPSEC-ESP"] = 50, ["ESP"] = 50, ["ah"] = 51,
        ["IPSEC-AH"] = 51, ["AH"] = 51, ["ipv6-nonxt"] = 59, ["IPv6-NoNxt"] = 59, ["ipv6-opts"] = 60,
        ["IPv6-Opts"] = 60,
        ["hop-by-hop"] = 0, ["protocol"] = 255, ["hop"] = 0, ["dst"] = 60, ["route"] = 43, ["frag"] = 44,
        ["auth"] = 51, ["none"] = 59, ["prot"] = 255, ["0"] = 0, ["60"] = 60, ["43"] = 43, ["44"] = 44,
        ["51"] = 51, ["50"] = 50, ["59"] = 59, ["255"] = 255,
    };

    public override string Name => "ipv6header";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv6;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--header") { CanNegate = true, Normalize = NormalizeHeaders },
        OptionSpec.Flag("--soft"),
    ];

    private static IReadOnlyList<string>? NormalizeHeaders(IReadOnlyList<string> values, ExtensionContext context)
    {
        var chosen = new HashSet<int>();
        foreach (var part in values[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ProtocolByName.TryGetValue(part, out var protocol))
            {
                context.Fail($"unknown header '{part}' for match ipv6header: expected hop-by-hop, ipv6-opts, ipv6-route, ipv6-frag, ah, esp, ipv6-nonxt or protocol (or hop, dst, route, frag, auth, none, prot)");
                return null;
            }
            chosen.Add(protocol);
        }
        if (chosen.Count == 0)
        {
            context.Fail("match ipv6header cannot parse header names: expected a comma list such as hop-by-hop,ipv6-frag");
            return null;
        }
        return [string.Join(',', Headers.Where(h => chosen.Contains(h.Protocol)).Select(h => h.SavedName))];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.Exists(o => o.Name == "--header") && !context.HasErrors)
            context.Fail("match ipv6header needs --header");
    }
}
