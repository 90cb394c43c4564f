namespace IptablesPolicy.Core.Model;

/// <summary>The tables netfilter knows and the chains each creates.</summary>
public static class BuiltInChains
{
    private static readonly Dictionary<string, string[]> ByTable = new(StringComparer.Ordinal)
    {
        ["filter"] = ["INPUT", "FORWARD", "OUTPUT"],
        ["nat"] = ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
        ["mangle"] = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
        ["raw"] = ["PREROUTING", "OUTPUT"],
        ["security"] = ["INPUT", "FORWARD", "OUTPUT"],
    };

    /// <summary>The names of the tables netfilter knows, in the order iptables-save prints them.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["filter", "nat", "mangle", "raw", "security"];

    /// <summary>The built-in chains of a table, in the order iptables-save prints them; empty for an unknown table.</summary>
    public static IReadOnlyList<string> Of(string table) => ByTable.GetValueOrDefault(table) ?? [];

    /// <summary>True when the chain is one the table creates.</summary>
    public static bool IsBuiltIn(string table, string chain) => Of(table).Contains(chain);

    /// <summary>True when netfilter knows the table.</summary>
    public static bool IsKnownTable(string table) => ByTable.ContainsKey(table);
}
