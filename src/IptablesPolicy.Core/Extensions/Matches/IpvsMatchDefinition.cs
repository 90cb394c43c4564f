using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m ipvs</c> (libxt_ipvs.c): properties of the IPVS connection a packet belongs to. Any option
/// but <c>--ipvs</c> implies <c>--ipvs</c>, which iptables-save then leaves out; <c>! --ipvs</c> goes
/// alone. Protocols and ports are saved as numbers, <c>--vdir</c> and <c>--vmethod</c> in upper case.
/// </summary>
internal sealed class IpvsMatchDefinition : ExtensionDefinition
{
    public override string Name => "ipvs";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--ipvs") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--vproto")
        {
            CanNegate = true,
            Normalize = (values, context) =>
            {
                if (ProtocolNames.TryParse(values[0], out var number))
                    return [number.ToString(CultureInfo.InvariantCulture)];
                context.Fail($"unknown protocol '{values[0]}' for --vproto: expected a name or a number from 0 to 255");
                return null;
            },
        },
        new OptionSpec("--vaddr") { CanNegate = true, Normalize = (values, context) => Addresses.ParseHostMask(values[0], "--vaddr", context) is { } a ? [a] : null },
        new OptionSpec("--vport") { CanNegate = true, Normalize = Port("--vport") },
        new OptionSpec("--vdir") { Normalize = OneOf("--vdir", "ORIGINAL", "REPLY") },
        new OptionSpec("--vmethod") { CanNegate = true, Normalize = OneOf("--vmethod", "GATE", "IPIP", "MASQ") },
        new OptionSpec("--vportctl") { CanNegate = true, Normalize = Port("--vportctl") },
    ];

    private static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Port(string option) =>
        (values, context) =>
        {
            if (ServiceNames.TryParsePort(values[0], out var port))
                return [port.ToString(CultureInfo.InvariantCulture)];
            context.Fail($"invalid port '{values[0]}' for {option}: expected a number from 0 to 65535 or a service name");
            return null;
        };

    private static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> OneOf(string option, params string[] names) =>
        (values, context) =>
        {
            foreach (var name in names)
            {
                if (string.Equals(name, values[0], StringComparison.OrdinalIgnoreCase))
                    return [name];
            }
            context.Fail($"invalid {option} '{values[0]}': expected {string.Join(" or ", names)}");
            return null;
        };

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0)
        {
            context.Fail("match ipvs needs at least one option: --ipvs, --vproto, --vaddr, --vport, --vdir, --vmethod or --vportctl");
            return;
        }
        if (options.Count == 1 || options.Find("--ipvs") is not { } ipvs)
            return;
        if (ipvs.IsNegated)
            context.Fail("match ipvs: ! --ipvs cannot be combined with other options");
        options.Remove(ipvs);
    }
}
