using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m pkttype --pkt-type TYPE</c> (libxt_pkttype.c): unicast, broadcast, multicast or otherhost, in any
/// case; the aliases host, bcast and mcast are saved under their canonical name.
/// </summary>
internal sealed class PkttypeMatchDefinition : ExtensionDefinition
{
    private static readonly (string Typed, string Canonical)[] Types =
    [
        ("unicast", "unicast"), ("broadcast", "broadcast"), ("multicast", "multicast"), ("otherhost", "otherhost"),
        ("bcast", "broadcast"), ("mcast", "multicast"), ("host", "unicast"),
    ];

    public override string Name => "pkttype";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--pkt-type")
        {
            CanNegate = true,
            Normalize = (values, context) =>
            {
                foreach (var (typed, canonical) in Types)
                {
                    if (string.Equals(typed, values[0], StringComparison.OrdinalIgnoreCase))
                        return [canonical];
                }
                context.Fail($"unknown --pkt-type '{values[0]}': expected unicast, broadcast, multicast or otherhost");
                return null;
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, "--pkt-type");

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new PkttypeMatch(options);
}
