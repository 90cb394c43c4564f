namespace IptablesPolicy.Core.Model;

/// <summary>A rule field that iptables lets the user invert with <c>!</c>.</summary>
/// <typeparam name="T">The type of the field's value.</typeparam>
/// <param name="Value">The value the rule compares with.</param>
/// <param name="IsNegated">True when the rule matches packets that do <em>not</em> have the value.</param>
public readonly record struct Negatable<T>(T Value, bool IsNegated)
{
    /// <summary>Renders the value as iptables-save does, with a leading <c>!</c> when negated.</summary>
    public override string ToString() => IsNegated ? $"!{Value}" : $"{Value}";
}
