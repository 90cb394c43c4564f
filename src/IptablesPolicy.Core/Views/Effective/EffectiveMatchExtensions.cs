using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Views.ChainGraph;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// A rule's effective match, asked of the rule directly: <c>rule.Effective().DestinationPorts.Contains(22)</c>,
/// <c>earlier.Covers(later)</c>.
/// </summary>
public static class EffectiveMatchExtensions
{
    /// <summary>What packets the rule matches, read from its fields and typed matches on first use and then kept.</summary>
    public static EffectiveMatch Effective(this Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return TableMatches.For(rule.Table).Of(rule);
    }

    /// <summary>Whether every packet <paramref name="later"/> matches is matched by <paramref name="earlier"/>; see <see cref="EffectiveMatch.Covers"/>.</summary>
    public static TriState Covers(this Rule earlier, Rule later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return earlier.Effective().Covers(later.Effective());
    }
}
