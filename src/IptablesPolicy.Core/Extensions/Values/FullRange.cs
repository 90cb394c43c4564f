using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// The <c>skip_*_match</c> rule of the range-matching extensions (esp, ah, ipcomp, mh, frag, rt): a
/// range that covers every value is the default and iptables-save leaves it out unless it is negated.
/// </summary>
internal static class FullRange
{
    /// <summary>Removes the option when its range is <c>0:max</c> and it is not negated.</summary>
    public static void RemoveUnlessNegated(List<ExtensionOption> options, string name, ulong max) =>
        options.RemoveAll(o => o.Name == name && !o.IsNegated && UnsignedRange.TryRead(o.Value) is { } range && range.CoversAll(max));
}
