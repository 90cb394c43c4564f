using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m rpfilter</c> (libxt_rpfilter.c): reverse-path filtering with flags <c>--loose</c>,
/// <c>--validmark</c>, <c>--accept-local</c>, <c>--invert</c>. The kernel allows it only in PREROUTING
/// of the raw and mangle tables.
/// </summary>
internal sealed class RpfilterMatchDefinition : ExtensionDefinition
{
    public override string Name => "rpfilter";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Flag("--loose"),
        OptionSpec.Flag("--validmark"),
        OptionSpec.Flag("--accept-local"),
        OptionSpec.Flag("--invert"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (context.Table is { } table && table is not ("raw" or "mangle"))
            context.Fail($"match rpfilter works only in the raw and mangle tables (the kernel refuses it in {table})");
        else if (Hooks.IsBuiltInOtherThan(context, "PREROUTING"))
            context.Fail($"match rpfilter works only in PREROUTING (the kernel refuses it in {context.Chain})");
    }
}
