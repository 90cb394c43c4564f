using IptablesPolicy.Core.Extensions.Values;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m mark --mark VALUE[/MASK]</c>: the packet's mark (set by <c>-j MARK</c>; kube-proxy uses 0x4000
/// for "masquerade"). It matches when <c>mark &amp; Mask == Value</c>.
/// </summary>
public sealed class MarkMatch : Match
{
    internal MarkMatch(IReadOnlyList<ExtensionOption> options)
        : base("mark", options, isKnown: true)
    {
    }

    /// <summary>The value the masked mark must equal.</summary>
    public uint Value => ValueMask.TryRead(Option("--mark")?.Value)?.Value ?? 0;

    /// <summary>The bits compared; 0xffffffff when the rule gives no mask.</summary>
    public uint Mask => ValueMask.TryRead(Option("--mark")?.Value)?.Mask ?? uint.MaxValue;

    /// <summary>True when the rule matches packets whose masked mark differs (<c>! --mark</c>).</summary>
    public bool IsNegated => Option("--mark")?.IsNegated ?? false;

    /// <summary>True when a packet with this mark matches the rule's test.</summary>
    public bool Matches(uint mark) => ((mark & Mask) == Value) != IsNegated;
}
