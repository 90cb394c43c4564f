using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j NFLOG</c> (libxt_NFLOG.c): <c>--nflog-prefix</c> (cut to 63 bytes), <c>--nflog-group</c> (left out
/// when 0), <c>--nflog-size</c> or the obsolete <c>--nflog-range</c>, <c>--nflog-threshold</c> (left out when 0).
/// </summary>
internal sealed class NflogTargetDefinition : ExtensionDefinition
{
    /// <summary><c>NF_LOG_PREFIXLEN</c> is 64 bytes with the NUL.</summary>
    private const int MaxPrefixBytes = 63;

    public override string Name => "NFLOG";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--nflog-prefix") { IsQuoted = true, Normalize = (values, context) => LogPrefixes.Normalize(values[0], MaxPrefixBytes, "--nflog-prefix", context) },
        new OptionSpec("--nflog-group") { Normalize = TargetValues.Decimal(0, ushort.MaxValue, "netlink group") },
        new OptionSpec("--nflog-size") { Normalize = TargetValues.Decimal(0, uint.MaxValue, "copy size") },
        new OptionSpec("--nflog-range") { Normalize = TargetValues.Decimal(0, uint.MaxValue, "copy range") },
        new OptionSpec("--nflog-threshold") { Normalize = TargetValues.Decimal(0, ushort.MaxValue, "threshold") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.AtMostOne(options, context, Name, "--nflog-size", "--nflog-range");
        options.RemoveAll(o => (o.Name == "--nflog-group" && o.Value == "0")
            || (o.Name == "--nflog-threshold" && o.Value == "0")
            || (o.Name == "--nflog-range" && o.Value == "0"));
    }

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new NflogTarget(options);
}
