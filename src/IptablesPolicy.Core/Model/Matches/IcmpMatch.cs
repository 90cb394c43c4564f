using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m icmp --icmp-type</c> (IPv4) or <c>-m icmp6 --icmpv6-type</c> (IPv6): the ICMP message type, and
/// optionally code, a packet must have. <see cref="Match.Name"/> tells the two apart.
/// </summary>
public sealed class IcmpMatch : Match
{
    internal IcmpMatch(string name, IReadOnlyList<ExtensionOption> options)
        : base(name, options, isKnown: true)
    {
    }

    /// <summary>True for ICMPv6 (<c>-m icmp6</c>).</summary>
    public bool IsIcmpV6 => Name == "icmp6";

    /// <summary>The type as iptables-save prints it: <c>any</c>, <c>8</c> or <c>3/1</c> (type/code).</summary>
    public string Text => TypeOption?.Value ?? string.Empty;

    /// <summary>The message type (8 for echo-request), or null for <c>any</c>.</summary>
    public int? Type => Text == "any" ? null : Parts()?.Type;

    /// <summary>The message code when the rule tests one (1 in <c>3/1</c>), else null: every code matches.</summary>
    public int? Code => Parts()?.Code;

    /// <summary>
    /// The symbolic name iptables lists for the type and code (<c>echo-request</c>, <c>host-unreachable</c>,
    /// <c>any</c>), or null when iptables has none; iptables-save itself prints numbers (<see cref="Text"/>).
    /// </summary>
    public string? TypeName => Parts() is var (type, code)
        ? (IsIcmpV6 ? IcmpTypeNames.IPv6 : IcmpTypeNames.IPv4).NameOf(type, code ?? 0, code ?? 0xFF)
        : null;

    /// <summary>True when the rule matches every packet except those of this type (<c>! --icmp-type</c>).</summary>
    public bool IsNegated => TypeOption?.IsNegated ?? false;

    private const int AnyType = 0xFF;

    private ExtensionOption? TypeOption => Options.Count > 0 ? Options[0] : null;

    private (int Type, int? Code)? Parts()
    {
        var text = Text;
        if (text == "any")
            return (AnyType, null);
        var slash = text.IndexOf('/');
        if (!int.TryParse(slash < 0 ? text : text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var type))
            return null;
        if (slash < 0)
            return (type, null);
        return int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? (type, code) : (type, null);
    }
}
