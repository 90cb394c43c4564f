using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m conntrack</c> (libxt_conntrack.c, revision 3): states and status in the kernel's bit order,
/// <c>--ctproto</c> as a number, tuple addresses as given with their mask, port and expiry ranges, and
/// <c>--ctdir</c> last. At least one option is needed.
/// </summary>
internal sealed class ConntrackMatchDefinition : ExtensionDefinition
{
    public override string Name => "conntrack";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--ctstate")
        {
            CanNegate = true,
            Normalize = (values, context) => ConntrackNames.ParseStates(values[0], natStates: true, "--ctstate", context) is { } states ? [ConntrackNames.Render(states)] : null,
        },
        new OptionSpec("--ctproto") { CanNegate = true, Normalize = NormalizeProtocol },
        new OptionSpec("--ctorigsrc") { CanNegate = true, Normalize = HostMask.Normalize },
        new OptionSpec("--ctorigdst") { CanNegate = true, Normalize = HostMask.Normalize },
        new OptionSpec("--ctreplsrc") { CanNegate = true, Normalize = HostMask.Normalize },
        new OptionSpec("--ctrepldst") { CanNegate = true, Normalize = HostMask.Normalize },
        new OptionSpec("--ctorigsrcport") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--ctorigdstport") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--ctreplsrcport") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--ctrepldstport") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--ctstatus")
        {
            CanNegate = true,
            Normalize = (values, context) => ConntrackNames.ParseStatus(values[0], context) is { } status ? [ConntrackNames.Render(status)] : null,
        },
        new OptionSpec("--ctexpire") { CanNegate = true, Normalize = Numbers.Range(uint.MaxValue, "--ctexpire") },
        new OptionSpec("--ctdir")
        {
            Normalize = (values, context) =>
            {
                if (string.Equals(values[0], "ORIGINAL", StringComparison.OrdinalIgnoreCase))
                    return ["ORIGINAL"];
                if (string.Equals(values[0], "REPLY", StringComparison.OrdinalIgnoreCase))
                    return ["REPLY"];
                context.Fail($"bad --ctdir '{values[0]}': expected ORIGINAL or REPLY");
                return null;
            },
        },
    ];

    // xtables_parse_protocol, then a check that the protocol is not 0 ("all"): the rule would never match
    // (or, negated, always). iptables-save prints the number.
    private static IReadOnlyList<string>? NormalizeProtocol(IReadOnlyList<string> values, ExtensionContext context)
    {
        if (!ProtocolNames.TryParse(values[0], out var number))
        {
            context.Fail($"unknown --ctproto '{values[0]}': expected a protocol name or a number from 1 to 255");
            return null;
        }
        if (number == 0)
        {
            context.Fail("--ctproto all (0) would match every protocol or none: expected a protocol from 1 to 255");
            return null;
        }
        return [number.ToString(CultureInfo.InvariantCulture)];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0 && !context.HasErrors)
            context.Fail("match conntrack needs at least one option, such as --ctstate");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new ConntrackMatch(options);
}
