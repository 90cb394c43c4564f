namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>
/// Shell-style patterns for chain names: <c>*</c> stands for any run of characters, <c>?</c> for one.
/// Case-sensitive, as iptables chain names are.
/// </summary>
public static class ChainNamePattern
{
    /// <summary>True when the name matches the pattern (<c>KUBE-SVC-*</c> matches <c>KUBE-SVC-XPGD46QRK7WJZT7O</c>).</summary>
    public static bool IsMatch(string name, string pattern)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pattern);
        // Greedy matching with one backtrack point: linear for the patterns policies write.
        int n = 0, p = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]) && pattern[p] != '*')
            {
                n++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
