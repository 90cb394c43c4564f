namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>Interface names as <c>xtables_parse_interface</c> takes them: at most 15 characters, a trailing <c>+</c> for a prefix.</summary>
internal static class InterfaceNames
{
    /// <summary>A normalizer for an interface name option.</summary>
    public static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Normalizer(string option) =>
        (values, context) =>
        {
            var name = values[0];
            if (name.Length is > 0 and <= 15 && !name.Any(c => char.IsWhiteSpace(c) || c is '/'))
                return values;
            context.Fail($"invalid interface name '{name}' for {option}: expected 1 to 15 characters without spaces or '/'");
            return null;
        };
}
