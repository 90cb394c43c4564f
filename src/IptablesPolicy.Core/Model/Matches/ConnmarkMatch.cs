using IptablesPolicy.Core.Extensions.Values;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m connmark --mark VALUE[/MASK]</c>: the mark of the packet's connection (set by <c>-j CONNMARK</c>).
/// It matches when <c>ctmark &amp; Mask == Value</c>.
/// </summary>
public sealed class ConnmarkMatch : Match
{
    internal ConnmarkMatch(IReadOnlyList<ExtensionOption> options)
        : base("connmark", options, isKnown: true)
    {
    }

    /// <summary>The value the masked connection mark must equal.</summary>
    public uint Value => ValueMask.TryRead(Option("--mark")?.Value)?.Value ?? 0;

    /// <summary>The bits compared; 0xffffffff when the rule gives no mask.</summary>
    public uint Mask => ValueMask.TryRead(Option("--mark")?.Value)?.Mask ?? uint.MaxValue;

    /// <summary>True when the rule matches connections whose masked mark differs (<c>! --mark</c>).</summary>
    public bool IsNegated => Option("--mark")?.IsNegated ?? false;

    /// <summary>True when a connection with this mark matches the rule's test.</summary>
    public bool Matches(uint connectionMark) => ((connectionMark & Mask) == Value) != IsNegated;
}
