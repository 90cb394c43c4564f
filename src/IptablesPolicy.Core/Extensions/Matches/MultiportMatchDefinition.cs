using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m multiport</c> (libxt_multiport.c, revision 1): one of <c>--sports</c>, <c>--dports</c> or
/// <c>--ports</c> with up to 15 ports, a range <c>FIRST:LAST</c> taking two of them; needs
/// <c>-p tcp</c>, <c>udp</c>, <c>udplite</c>, <c>sctp</c> or <c>dccp</c>.
/// </summary>
internal sealed class MultiportMatchDefinition : ExtensionDefinition
{
    /// <summary>XT_MULTI_PORTS: the slots a rule has; a range uses two.</summary>
    private const int MaxSlots = 15;

    private static readonly string[] Protocols = ["tcp", "udp", "udplite", "sctp", "dccp"];

    public override string Name => "multiport";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--sports", "--source-ports") { CanNegate = true, Normalize = NormalizePorts },
        new OptionSpec("--dports", "--destination-ports") { CanNegate = true, Normalize = NormalizePorts },
        new OptionSpec("--ports") { CanNegate = true, Normalize = NormalizePorts },
    ];

    // parse_multi_ports_v1: a comma list of ports and FIRST:LAST ranges (FIRST below LAST), service names allowed.
    private static IReadOnlyList<string>? NormalizePorts(IReadOnlyList<string> values, ExtensionContext context)
    {
        var ranges = new List<PortRange>();
        var slots = 0;
        foreach (var part in values[0].Split(','))
        {
            var colon = part.IndexOf(':');
            var first = OptionValues.ParsePort(colon < 0 ? part : part[..colon], context);
            if (first is null)
                return null;
            if (colon < 0)
            {
                ranges.Add(new PortRange(first.Value, first.Value));
                slots++;
            }
            else
            {
                var last = OptionValues.ParsePort(part[(colon + 1)..], context);
                if (last is null)
                    return null;
                if (first >= last)
                {
                    context.Fail($"invalid port range '{part}': expected FIRST:LAST with FIRST below LAST");
                    return null;
                }
                ranges.Add(new PortRange(first.Value, last.Value));
                slots += 2;
            }
            if (slots > MaxSlots)
            {
                context.Fail($"too many ports in '{values[0]}': expected at most {MaxSlots} (a range counts as two)");
                return null;
            }
        }
        return [string.Join(',', ranges.Select(r => r.First == r.Last ? r.ToString() : $"{r.First}:{r.Last}"))];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0)
        {
            if (!context.HasErrors)
                context.Fail("match multiport needs --sports, --dports or --ports");
            return;
        }
        if (options.Count > 1)
            context.Fail("match multiport takes one of --sports, --dports and --ports, not several");
        if (!context.ProtocolIs(Protocols))
            context.Fail("match multiport needs -p tcp, udp, udplite, sctp or dccp (and not negated)");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new MultiportMatch(options);
}
