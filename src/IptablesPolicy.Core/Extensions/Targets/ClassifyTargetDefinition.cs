using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j CLASSIFY --set-class MAJOR:MINOR</c> (libxt_CLASSIFY.c): two hexadecimal numbers, printed as
/// <c>%.4x:%.4x</c> of the 16-bit halves of the tc handle.
/// </summary>
internal sealed class ClassifyTargetDefinition : ExtensionDefinition
{
    public override string Name => "CLASSIFY";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--set-class")
        {
            Normalize = (values, context) =>
            {
                var parts = values[0].Split(':', 2);
                if (parts.Length == 2 && TryHex(parts[0], out var major) && TryHex(parts[1], out var minor))
                    return [$"{major & 0xffff:x4}:{minor & 0xffff:x4}"];
                context.Fail($"bad class value '{values[0]}': expected MAJOR:MINOR in hexadecimal");
                return null;
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.Require(options, context, Name, "--set-class");
        if (TargetChecks.RequireTable(context, Name, "mangle"))
            TargetChecks.RequireHook(context, Name, "FORWARD", "OUTPUT", "POSTROUTING");
    }

    private static bool TryHex(string text, out uint value)
    {
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
