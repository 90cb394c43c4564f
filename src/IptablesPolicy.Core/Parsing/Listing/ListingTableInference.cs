using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// The table a listing most likely shows when the command that printed it is not in the text: from its
/// built-in chains (those with a policy: nat has PREROUTING, INPUT, OUTPUT, POSTROUTING; mangle adds
/// FORWARD; raw has only PREROUTING and OUTPUT) and its targets (NAT targets exist only in nat, NOTRACK
/// and CT in raw, packet-rewriting targets in mangle). A table that lacks one of the built-in chains
/// shown is never chosen while another has them all.
/// </summary>
internal static class ListingTableInference
{
    private static readonly string[] Tables = ["filter", "nat", "mangle", "raw", "security"];

    public static string Infer(IReadOnlyCollection<string> builtIns, IReadOnlyCollection<string> targets)
    {
        var preferred = ByTargets(targets) ?? ByChains(builtIns);
        if (HasAll(preferred, builtIns))
            return preferred;
        return Tables.FirstOrDefault(t => HasAll(t, builtIns)) ?? preferred;
    }

    private static bool HasAll(string table, IReadOnlyCollection<string> builtIns) =>
        builtIns.All(chain => BuiltInChains.IsBuiltIn(table, chain));

    private static string? ByTargets(IReadOnlyCollection<string> targets)
    {
        if (targets.Any(t => t is "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" or "NETMAP"))
            return "nat";
        if (targets.Any(t => t is "NOTRACK" or "CT"))
            return "raw";
        if (targets.Any(t => t is "TOS" or "TTL" or "HL" or "DSCP" or "ECN" or "TPROXY" or "CLASSIFY" or "TEE"))
            return "mangle";
        return null;
    }

    private static string ByChains(IReadOnlyCollection<string> builtIns)
    {
        var prerouting = builtIns.Contains("PREROUTING");
        var postrouting = builtIns.Contains("POSTROUTING");
        if ((prerouting || postrouting) && builtIns.Contains("FORWARD"))
            return "mangle";
        if (postrouting)
            return "nat";
        if (prerouting)
            return builtIns.Contains("INPUT") ? "nat" : "raw";
        return "filter";
    }
}
