using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m tcp</c> (libxt_tcp.c): ports, <c>--tcp-option</c>, and <c>--tcp-flags MASK COMP</c>, which
/// iptables-save prints with flags in the order FIN,SYN,RST,PSH,ACK,URG; <c>--syn</c> is saved as
/// <c>--tcp-flags FIN,SYN,RST,ACK SYN</c>.
/// </summary>
internal sealed class TcpMatchDefinition : PortMatchDefinition
{
    private static readonly (string Name, int Bit)[] Flags =
    [
        ("FIN", 0x01), ("SYN", 0x02), ("RST", 0x04), ("PSH", 0x08), ("ACK", 0x10), ("URG", 0x20), ("ALL", 0x3F), ("NONE", 0),
    ];

    public override string Name => "tcp";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        SourcePort,
        DestinationPort,
        new OptionSpec("--tcp-option")
        {
            CanNegate = true,
            Normalize = (values, context) => OptionValues.ParseUnsigned(values[0], 1, 255, "TCP option", context) is { } n ? [n.ToString(System.Globalization.CultureInfo.InvariantCulture)] : null,
        },
        new OptionSpec("--tcp-flags", "--syn") { CanNegate = true, MinValues = 0, MaxValues = 2, Normalize = NormalizeFlags },
    ];

    private static IReadOnlyList<string>? NormalizeFlags(IReadOnlyList<string> values, ExtensionContext context)
    {
        if (values.Count == 0)
            return ["FIN,SYN,RST,ACK", "SYN"];
        if (values.Count != 2)
        {
            context.Fail("--tcp-flags expects two arguments: MASK COMP (for example SYN,ACK SYN)");
            return null;
        }
        var mask = ParseFlags(values[0], context);
        var comp = ParseFlags(values[1], context);
        return mask is null || comp is null ? null : [FormatFlags(mask.Value), FormatFlags(comp.Value)];
    }

    private static int? ParseFlags(string text, ExtensionContext context)
    {
        var bits = 0;
        foreach (var name in text.Split(','))
        {
            var flag = Array.FindIndex(Flags, f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (flag < 0)
            {
                context.Fail($"unknown TCP flag '{name}': expected FIN, SYN, RST, PSH, ACK, URG, ALL or NONE");
                return null;
            }
            bits |= Flags[flag].Bit;
        }
        return bits;
    }

    private static string FormatFlags(int bits)
    {
        if (bits == 0)
            return "NONE";
        return string.Join(',', Flags.Take(6).Where(f => (bits & f.Bit) != 0).Select(f => f.Name));
    }
}
