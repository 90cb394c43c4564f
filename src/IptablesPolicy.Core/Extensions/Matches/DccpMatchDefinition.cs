using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m dccp</c> (libxt_dccp.c): <c>--sport</c> and <c>--dport</c> ranges (saved even when they cover every
/// port), <c>--dccp-types</c> saved in type order, and <c>--dccp-option</c> from 1 to 255. Needs
/// <c>-p dccp</c>, as the kernel match does.
/// </summary>
internal sealed class DccpMatchDefinition : ExtensionDefinition
{
    // dccp_pkt_types, by type number; INVALID also stands for the unassigned types 11 to 15.
    private static readonly string[] Types = ["REQUEST", "RESPONSE", "DATA", "ACK", "DATAACK", "CLOSEREQ", "CLOSE", "RESET", "SYNC", "SYNCACK", "INVALID"];

    public override string Name => "dccp";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--sport", "--source-port") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--dport", "--destination-port") { CanNegate = true, Normalize = OptionValues.PortRangeValue },
        new OptionSpec("--dccp-types") { CanNegate = true, Normalize = NormalizeTypes },
        new OptionSpec("--dccp-option") { CanNegate = true, Normalize = Numbers.Unsigned(1, 255, "--dccp-option") },
    ];

    private static IReadOnlyList<string>? NormalizeTypes(IReadOnlyList<string> values, ExtensionContext context)
    {
        var mask = 0;
        foreach (var part in values[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var type = Array.FindIndex(Types, t => string.Equals(t, part, StringComparison.OrdinalIgnoreCase));
            if (type < 0)
            {
                context.Fail($"unknown DCCP type '{part}': expected {string.Join(", ", Types)}");
                return null;
            }
            mask |= 1 << type;
        }
        return [string.Join(',', Types.Where((_, type) => (mask & (1 << type)) != 0))];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!context.ProtocolIs("dccp"))
            context.Fail("match dccp needs -p dccp (and not ! -p dccp)");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new PortMatch(Name, options);
}
