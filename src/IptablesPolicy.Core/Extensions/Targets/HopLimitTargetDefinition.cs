using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j TTL</c> (libipt_TTL.c) and <c>-j HL</c> (libip6t_HL.c): exactly one of set (0-255), dec or inc (1-255).
/// </summary>
internal abstract class HopLimitTargetDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Target;

    /// <summary>The option stem: <c>ttl</c> or <c>hl</c>.</summary>
    protected abstract string Stem { get; }

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        new OptionSpec($"--{Stem}-set") { Normalize = TargetValues.Decimal(0, 255, $"{Stem.ToUpperInvariant()} value") },
        new OptionSpec($"--{Stem}-dec") { Normalize = TargetValues.Decimal(1, 255, $"{Stem.ToUpperInvariant()} decrement") },
        new OptionSpec($"--{Stem}-inc") { Normalize = TargetValues.Decimal(1, 255, $"{Stem.ToUpperInvariant()} increment") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.ExactlyOne(options, context, Name, $"--{Stem}-set", $"--{Stem}-dec", $"--{Stem}-inc");
        TargetChecks.RequireTable(context, Name, "mangle");
    }
}
