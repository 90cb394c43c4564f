using System.Text.RegularExpressions;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Parsing.Listing;

/// <summary>
/// An iptables command seen in pasted text, behind a shell prompt or not (<c>[ec2-user@host ~]$ sudo iptables -L</c>,
/// <c>node:/# iptables -vnL # note</c>, <c>nsenter -t 1 -n iptables-save | grep x</c>): it tells which table and
/// family the output below it shows.
/// </summary>
internal sealed partial record ShellCommandLine(IpFamily Family, bool IsSave, bool IsList, bool BuildsRuleset, string? Table, bool HasPrompt)
{
    [GeneratedRegex(@"^(?<prompt>\S+[$#]\s+|\[[^\]]*\][$#]\s+)?(?:sudo\s+(?:-\S+\s+)*)?(?:nsenter\s+(?:\S+\s+)*?)?(?:\S*/)?(?<bin>ip6?tables)(?:-legacy|-nft)?(?<save>-save)?(?=\s|$)(?<args>.*)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"(?:^|\s)(?:-t\s*|--table[=\s]+)(?<table>[a-z]+)")]
    private static partial Regex TablePattern();

    [GeneratedRegex(@"(?:^|\s)(?:-[a-zA-Z]*L[a-zA-Z]*|--list)(?=\s|$)")]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"(?:^|\s)(?:-[AINP]|--append|--insert|--new-chain|--policy)(?=\s)")]
    private static partial Regex BuildPattern();

    public static ShellCommandLine? TryParse(string text)
    {
        if (!text.Contains("tables", StringComparison.Ordinal))
            return null;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            return null;
        var args = match.Groups["args"].Value;
        var hash = args.IndexOf(" #", StringComparison.Ordinal);
        if (hash >= 0)
            args = args[..hash];
        var pipe = args.IndexOf('|');
        if (pipe >= 0)
            args = args[..pipe];
        var family = match.Groups["bin"].Value == "ip6tables" ? IpFamily.IPv6 : IpFamily.IPv4;
        var isSave = match.Groups["save"].Success;
        var table = TablePattern().Match(args) is { Success: true } t ? t.Groups["table"].Value : null;
        return new ShellCommandLine(family, isSave, !isSave && ListPattern().IsMatch(args), !isSave && BuildPattern().IsMatch(args), table, match.Groups["prompt"].Success);
    }
}
