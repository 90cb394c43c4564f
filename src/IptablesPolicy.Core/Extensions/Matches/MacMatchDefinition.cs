using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m mac --mac-source XX:XX:XX:XX:XX:XX</c> (libxt_mac.c): six hexadecimal bytes, saved in lower case
/// with two digits each. The kernel allows it only where packets arrive (PREROUTING, INPUT, FORWARD).
/// </summary>
internal sealed class MacMatchDefinition : ExtensionDefinition
{
    public override string Name => "mac";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--mac-source") { CanNegate = true, Normalize = (values, context) => MacAddresses.Parse(values[0], "--mac-source", context) is { } mac ? [mac] : null },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        options.RequireAny(context, Name, "--mac-source");
        if (Hooks.IsBuiltInOtherThan(context, "PREROUTING", "INPUT", "FORWARD"))
            context.Fail($"match mac works only in PREROUTING, INPUT and FORWARD (the kernel refuses it in {context.Chain})");
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new MacMatch(options);
}
