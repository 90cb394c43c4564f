using System.Text.RegularExpressions;

namespace IptablesPolicy.Engine.Configuration;

/// <summary>One entry of the configuration's <c>suppressions</c>.</summary>
/// <param name="PolicyId">The policy whose findings it suppresses.</param>
/// <param name="Snapshots">A glob of snapshot paths relative to the configuration's folder; null for every snapshot.</param>
/// <param name="Chain">Only findings in a chain of this name (<c>*</c> and <c>?</c> wildcards); null for any.</param>
/// <param name="Rule">Only findings at a rule whose canonical text matches; null for any.</param>
/// <param name="Justification">Why (required).</param>
/// <param name="Expires">The last day it applies; null for never.</param>
/// <param name="Line">Its line in the configuration file, for <see cref="Results.Suppression.Source"/>.</param>
public sealed record ConfiguredSuppression(
    string PolicyId,
    string? Snapshots,
    string? Chain,
    Regex? Rule,
    string Justification,
    DateOnly? Expires,
    int Line)
{
    /// <summary>Whether it still applies on <paramref name="today"/> (it applies through its expiry day).</summary>
    public bool AppliesOn(DateOnly today) => Expires is not { } last || today <= last;
}
