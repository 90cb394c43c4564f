namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// The interface names a rule's <c>-i</c> or <c>-o</c> matches: one exact name (<c>eth0</c>), every name
/// that starts with a prefix (<c>eni+</c>; <c>+</c> alone is every name), or, negated, every name but
/// those. Immutable; compares by value.
/// </summary>
public sealed record InterfacePattern
{
    private InterfacePattern(string prefixOrName, bool isWildcard, bool isNegated)
    {
        Name = prefixOrName;
        IsWildcard = isWildcard;
        IsNegated = isNegated;
    }

    /// <summary>Every interface: what a rule without <c>-i</c> or <c>-o</c> matches.</summary>
    public static InterfacePattern Any { get; } = new(string.Empty, isWildcard: true, isNegated: false);

    /// <summary>The pattern as <c>-i</c> takes it: <c>eth0</c>, <c>eni+</c> or <c>+</c>, negated when <paramref name="isNegated"/>.</summary>
    public static InterfacePattern Of(string text, bool isNegated = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wildcard = text.EndsWith('+');
        return new InterfacePattern(wildcard ? text[..^1] : text, wildcard, isNegated);
    }

    /// <summary>The exact name, or the prefix (without <c>+</c>) when <see cref="IsWildcard"/>.</summary>
    public string Name { get; }

    /// <summary>True when <see cref="Name"/> is a prefix: the rule wrote <c>NAME+</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>True when the rule matches every interface the name or prefix does not (<c>! -i docker0</c>).</summary>
    public bool IsNegated { get; }

    /// <summary>True when every interface matches.</summary>
    public bool IsAny => IsWildcard && Name.Length == 0 && !IsNegated;

    /// <summary>True when no interface matches (<c>! -i +</c>).</summary>
    public bool IsEmpty => IsWildcard && Name.Length == 0 && IsNegated;

    /// <summary>True when the interface name matches the pattern.</summary>
    public bool Contains(string interfaceName) => MatchesPositive(interfaceName) != IsNegated;

    /// <summary>True when every interface name this pattern matches is also matched by <paramref name="other"/>.</summary>
    public bool IsSubsetOf(InterfacePattern other)
    {
        if (IsEmpty || other.IsAny)
            return true;
        if (IsNegated && other.IsNegated)
            return other.PositiveSubsetOf(this);
        if (IsNegated)
            return false; // every name but a few never fits in one name or one prefix
        if (other.IsNegated)
            return DisjointFrom(other);
        return PositiveSubsetOf(other);
    }

    /// <summary>True when some interface name matches both patterns.</summary>
    public bool Overlaps(InterfacePattern other)
    {
        if (IsEmpty || other.IsEmpty)
            return false;
        if (IsNegated && other.IsNegated)
            return true; // each leaves out one name or one prefix: countless names remain for both
        if (IsNegated)
            return !other.PositiveSubsetOf(this);
        if (other.IsNegated)
            return !PositiveSubsetOf(other);
        return !DisjointFrom(other);
    }

    /// <summary>Renders the pattern as <c>-i</c> writes it: <c>eth0</c>, <c>eni+</c>, <c>! docker0</c>, or <c>any</c>.</summary>
    public override string ToString() => IsAny ? "any" : IsEmpty ? "none" : (IsNegated ? "! " : string.Empty) + Name + (IsWildcard ? "+" : string.Empty);

    private bool MatchesPositive(string name) => IsWildcard ? name.StartsWith(Name, StringComparison.Ordinal) : name == Name;

    // Both read without negation: are this pattern's names all names of the other's?
    private bool PositiveSubsetOf(InterfacePattern other) => other.IsWildcard
        ? Name.StartsWith(other.Name, StringComparison.Ordinal)
        : !IsWildcard && Name == other.Name;

    // Both read without negation: do the two patterns share no name?
    private bool DisjointFrom(InterfacePattern other)
    {
        if (!IsWildcard && !other.IsWildcard)
            return Name != other.Name;
        if (!IsWildcard)
            return !Name.StartsWith(other.Name, StringComparison.Ordinal);
        if (!other.IsWildcard)
            return !other.Name.StartsWith(Name, StringComparison.Ordinal);
        return !Name.StartsWith(other.Name, StringComparison.Ordinal) && !other.Name.StartsWith(Name, StringComparison.Ordinal);
    }
}
