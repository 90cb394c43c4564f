using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m iprange</c> (libxt_iprange.c, revision 1): <c>--src-range</c> and <c>--dst-range FROM[-TO]</c>
/// with numeric addresses of the rule's family; a single address is saved as <c>A-A</c>.
/// </summary>
internal sealed class IprangeMatchDefinition : ExtensionDefinition
{
    public override string Name => "iprange";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--src-range") { CanNegate = true, Normalize = (values, context) => ParseRange(values[0], "--src-range", context) },
        new OptionSpec("--dst-range") { CanNegate = true, Normalize = (values, context) => ParseRange(values[0], "--dst-range", context) },
    ];

    private static IReadOnlyList<string>? ParseRange(string text, string option, ExtensionContext context)
    {
        var dash = text.IndexOf('-');
        var first = Addresses.Parse(dash < 0 ? text : text[..dash], option, context);
        var last = dash < 0 ? first : Addresses.Parse(text[(dash + 1)..], option, context);
        if (first is null || last is null)
            return null;
        if (first.AddressFamily != last.AddressFamily)
        {
            context.Fail($"{option} '{text}' mixes IPv4 and IPv6 addresses");
            return null;
        }
        return [$"{first}-{last}"];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, "--src-range", "--dst-range");

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new IprangeMatch(options);
}
