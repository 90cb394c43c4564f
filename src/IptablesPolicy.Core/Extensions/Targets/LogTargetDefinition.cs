using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j LOG</c> (libxt_LOG.c): <c>--log-prefix</c> (quoted as needed, cut to 29 bytes as the kernel
/// structure holds it), <c>--log-level</c> as a number and left out when it is the default 4, then the flags.
/// </summary>
internal sealed class LogTargetDefinition : ExtensionDefinition
{
    /// <summary>The prefix field is 30 bytes with its NUL.</summary>
    private const int MaxPrefixBytes = 29;

    public override string Name => "LOG";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--log-prefix") { IsQuoted = true, Normalize = (values, context) => LogPrefixes.Normalize(values[0], MaxPrefixBytes, "--log-prefix", context) },
        new OptionSpec("--log-level") { Normalize = SyslogLevels.Normalize },
        OptionSpec.Flag("--log-tcp-sequence"),
        OptionSpec.Flag("--log-tcp-options"),
        OptionSpec.Flag("--log-ip-options"),
        OptionSpec.Flag("--log-uid"),
        OptionSpec.Flag("--log-macdecode"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RemoveAll(o => o.Name == "--log-level" && o.Value == "4");

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new LogTarget(options);
}
