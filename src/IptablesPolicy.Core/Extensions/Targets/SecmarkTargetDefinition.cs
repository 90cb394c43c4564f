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
