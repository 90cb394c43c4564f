namespace IptablesPolicy.Core.Model;

/// <summary>What a rule's target does with a packet that matches.</summary>
public enum TargetKind
{
    /// <summary>The rule has no <c>-j</c> or <c>-g</c>: it only counts packets.</summary>
    None,

    /// <summary>A built-in verdict: <c>ACCEPT</c>, <c>DROP</c>, <c>RETURN</c> or <c>QUEUE</c>.</summary>
    Verdict,

    /// <summary><c>-j CHAIN</c>: a jump to a user-defined chain, which returns here.</summary>
    Jump,

    /// <summary><c>-g CHAIN</c>: a goto to a user-defined chain, which returns to this chain's caller.</summary>
    Goto,

    /// <summary>A target extension (<c>REJECT</c>, <c>DNAT</c>, <c>MARK</c>, <c>LOG</c>...).</summary>
    Extension,
}
