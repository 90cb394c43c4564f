namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m owner</c>: the user and group of the local socket that sent the packet (OUTPUT and
/// POSTROUTING only). A criterion the rule does not use is null.
/// </summary>
public sealed class OwnerMatch : Match
{
    internal OwnerMatch(IReadOnlyList<ExtensionOption> options)
        : base("owner", options, isKnown: true)
    {
    }

    /// <summary>The user ids (<c>--uid-owner</c>); null when absent or given as a user name other than root, which only the target machine can resolve (see <see cref="UserName"/>).</summary>
    public Negatable<NumberRange>? UserIds => Ids("--uid-owner");

    /// <summary>The group ids (<c>--gid-owner</c>); null when absent or given as a group name other than root (see <see cref="GroupName"/>).</summary>
    public Negatable<NumberRange>? GroupIds => Ids("--gid-owner");

    /// <summary>The user as written when it is a name iptables would resolve on the machine; null otherwise.</summary>
    public string? UserName => UnresolvedName("--uid-owner");

    /// <summary>The group as written when it is a name iptables would resolve on the machine; null otherwise.</summary>
    public string? GroupName => UnresolvedName("--gid-owner");

    /// <summary><c>--socket-exists</c>: the packet must (or, negated, must not) belong to a local socket; null when absent.</summary>
    public Negatable<bool>? SocketExists => Option("--socket-exists") is { } o ? new(true, o.IsNegated) : null;

    /// <summary><c>--suppl-groups</c>: the group test also accepts the socket owner's supplementary groups.</summary>
    public bool IncludesSupplementaryGroups => Option("--suppl-groups") is not null;

    private Negatable<NumberRange>? Ids(string option) =>
        Option(option) is { } o && NumberRange.TryParse(o.Value, '-') is { } range ? new(range, o.IsNegated) : null;

    private string? UnresolvedName(string option) =>
        Option(option) is { Value: { } value } && NumberRange.TryParse(value, '-') is null ? value : null;
}
