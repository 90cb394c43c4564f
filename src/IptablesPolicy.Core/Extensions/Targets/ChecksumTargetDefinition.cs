using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary><c>-j CHECKSUM --checksum-fill</c> (libxt_CHECKSUM.c): the one option is mandatory.</summary>
internal sealed class ChecksumTargetDefinition : ExtensionDefinition
{
    public override string Name => "CHECKSUM";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } = [OptionSpec.Flag("--checksum-fill")];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.Require(options, context, Name, "--checksum-fill");
        TargetChecks.RequireTable(context, Name, "mangle");
    }
}
