using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m dscp --dscp N</c> or <c>--dscp-class NAME</c> (libxt_dscp.c): a 6-bit code point; a class is
/// saved as its number (<c>--dscp-class EF</c> becomes <c>--dscp 0x2e</c>).
/// </summary>
internal sealed class DscpMatchDefinition : ExtensionDefinition
{
    public override string Name => "dscp";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--dscp")
        {
            CanNegate = true,
            Normalize = (values, context) => Numbers.Parse(values[0], 0, 0x3f, "--dscp", context) is { } n ? [Hex(n)] : null,
        },
        new OptionSpec("--dscp-class")
        {
            CanNegate = true,
            Normalize = (values, context) => DscpClasses.Parse(values[0], context) is { } n ? [Hex((ulong)n)] : null,
        },
    ];

    private static string Hex(ulong value) => string.Create(CultureInfo.InvariantCulture, $"0x{value:x2}");

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, "--dscp", "--dscp-class") || !options.AtMostOne(context, Name, "--dscp", "--dscp-class"))
            return;
        if (options.Find("--dscp-class") is { } byClass)
            options.Replace(byClass, new ExtensionOption("--dscp", byClass.Values, byClass.IsNegated));
    }
}
