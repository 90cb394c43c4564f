using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j CONNSECMARK --save|--restore</c> (libxt_CONNSECMARK.c): exactly one of the two.</summary>
internal sealed class ConnsecmarkTargetDefinition : ExtensionDefinition
{
    public override string Name => "CONNSECMARK";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Flag("--save"),
        OptionSpec.Flag("--restore"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.ExactlyOne(options, context, Name, "--save", "--restore");
        TargetChecks.RequireTable(context, Name, "mangle", "security");
    }
}
