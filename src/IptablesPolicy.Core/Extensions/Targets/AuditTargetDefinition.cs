using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j AUDIT --type accept|drop|reject</c> (libxt_AUDIT.c): the type is mandatory, read in any case.</summary>
internal sealed class AuditTargetDefinition : ExtensionDefinition
{
    private static readonly string[] Types = ["accept", "drop", "reject"];

    public override string Name => "AUDIT";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--type")
        {
            Normalize = (values, context) =>
            {
                var type = values[0].ToLowerInvariant();
                if (Types.Contains(type))
                    return [type];
                context.Fail($"bad audit type '{values[0]}': expected accept, drop or reject");
                return null;
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        TargetChecks.Require(options, context, Name, "--type");
}
