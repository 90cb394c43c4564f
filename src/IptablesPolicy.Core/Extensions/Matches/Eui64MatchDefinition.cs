using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m eui64</c> (libip6t_eui64.c): no options. The kernel match exists only in PREROUTING, INPUT and
/// FORWARD (it reads the source MAC address, which OUTPUT and POSTROUTING packets do not have yet).
/// </summary>
internal sealed class Eui64MatchDefinition : ExtensionDefinition
{
    public override string Name => "eui64";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv6;

    public override IReadOnlyList<OptionSpec> Options { get; } = [];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (context.Chain is "OUTPUT" or "POSTROUTING")
            context.Fail($"match eui64 cannot be used in {context.Chain}: expected PREROUTING, INPUT or FORWARD (or a chain reached from them)");
    }
}
