namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m length --length MIN[:MAX]</c>: the length of the packet's layer-3 payload plus header, in bytes.</summary>
public sealed class LengthMatch : Match
{
    internal LengthMatch(IReadOnlyList<ExtensionOption> options)
        : base("length", options, isKnown: true)
    {
    }

    /// <summary>The lengths the packet must (or, negated, must not) have.</summary>
    public Negatable<NumberRange> Length =>
        Option("--length") is { } o && NumberRange.TryParse(o.Value) is { } range ? new(range, o.IsNegated) : default;
}
