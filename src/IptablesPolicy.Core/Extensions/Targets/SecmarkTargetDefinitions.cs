using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j SECMARK --selctx CONTEXT</c> (libxt_SECMARK.c): the SELinux context is mandatory, at most 255 bytes.</summary>
internal sealed class SecmarkTargetDefinition : ExtensionDefinition
{
    public override string Name => "SECMARK";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--selctx") { Normalize = TargetValues.Text("--selctx", 1, 255) },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.Require(options, context, Name, "--selctx");
        TargetChecks.RequireTable(context, Name, "mangle", "security");
    }
}

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
