using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Extensions;

/// <summary>An extension option as the input wrote it, before the extension puts it in canonical form.</summary>
/// <param name="Name">The option name as typed (<c>--destination-port</c>).</param>
/// <param name="Values">The arguments, unquoted.</param>
/// <param name="IsNegated">True when <c>!</c> preceded the option.</param>
/// <param name="At">The token of the option name, for diagnostics.</param>
internal readonly record struct GivenOption(string Name, IReadOnlyList<string> Values, bool IsNegated, Token At)
{
    /// <summary>True when a value was quoted in the input (kept quoted when the extension is unknown).</summary>
    public bool WasQuoted { get; init; }
}
