namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// The table a listing most likely shows when the command that printed it is not in the text: from its
/// built-in chains (nat has PREROUTING, INPUT, OUTPUT, POSTROUTING; mangle adds FORWARD; raw has only
/// PREROUTING and OUTPUT) and its targets (NAT targets exist only in nat, NOTRACK and CT in raw).
/// </summary>
internal static class ListingTableInference
{
    public static string Infer(IReadOnlyCollection<string> chains, IReadOnlyCollection<string> targets)
    {
        if (targets.Any(t => t is "DNAT" or "SNAT" or "MASQUERADE" or "REDIRECT" or "NETMAP"))
            return "nat";
        if (targets.Any(t => t is "NOTRACK" or "CT"))
            return "raw";
        if (targets.Any(t => t is "TOS" or "TTL" or "HL" or "DSCP" or "ECN" or "TPROXY" or "CLASSIFY" or "TEE"))
            return "mangle";
        var prerouting = chains.Contains("PREROUTING");
        var postrouting = chains.Contains("POSTROUTING");
        if ((prerouting || postrouting) && chains.Contains("FORWARD"))
            return "mangle";
        if (postrouting)
            return "nat";
        if (prerouting)
            return chains.Contains("INPUT") ? "nat" : "raw";
        return "filter";
    }
}
