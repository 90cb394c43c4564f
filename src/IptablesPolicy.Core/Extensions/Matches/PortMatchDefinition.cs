using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// The shared shape of the <c>tcp</c> and <c>udp</c> matches (libxt_tcp.c, libxt_udp.c): source and
/// destination port ranges; the full range 0:65535 is not printed unless negated.
/// </summary>
internal abstract class PortMatchDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Match;

    protected static OptionSpec SourcePort { get; } = new("--sport", "--source-port") { CanNegate = true, Normalize = OptionValues.PortRangeValue };

    protected static OptionSpec DestinationPort { get; } = new("--dport", "--destination-port") { CanNegate = true, Normalize = OptionValues.PortRangeValue };

    private static readonly string AllPorts = PortRange.All.ToString();

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!context.ProtocolIs(Name))
            context.Fail($"match {Name} needs -p {Name} (and not ! -p {Name})");
        // skip_ports_match: iptables-save leaves out a port range that covers every port unless it is negated.
        options.RemoveAll(o => o.Name is "--sport" or "--dport" && !o.IsNegated && o.Value == AllPorts);
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new PortMatch(Name, options);
}

/// <summary><c>-m udp</c>: <c>--sport</c> and <c>--dport</c>.</summary>
internal sealed class UdpMatchDefinition : PortMatchDefinition
{
    public override string Name => "udp";

    public override IReadOnlyList<OptionSpec> Options { get; } = [SourcePort, DestinationPort];
}
