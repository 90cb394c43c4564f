using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j TPROXY</c> (libxt_TPROXY.c): <c>--on-port</c> is mandatory; iptables-save always prints the three
/// options, the address as 0.0.0.0 or :: and the mark as 0x0/0x0 when absent. The kernel refuses it
/// without <c>-p tcp</c> or <c>-p udp</c>.
/// </summary>
internal sealed class TproxyTargetDefinition : ExtensionDefinition
{
    public override string Name => "TPROXY";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--on-port") { Normalize = (values, context) => OptionValues.ParsePort(values[0], context) is { } port ? [port.ToString(System.Globalization.CultureInfo.InvariantCulture)] : null },
        new OptionSpec("--on-ip") { Normalize = PrefixValues.Host("--on-ip") },
        new OptionSpec("--tproxy-mark") { Normalize = TargetValues.MarkMask },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!TargetChecks.Require(options, context, Name, "--on-port"))
            return;
        TargetChecks.RequireProtocol(context, Name, "tcp", "udp");
        if (TargetChecks.RequireTable(context, Name, "mangle"))
            TargetChecks.RequireHook(context, Name, "PREROUTING");
        if (!TargetChecks.Has(options, "--on-ip"))
            options.Insert(1, new ExtensionOption("--on-ip", [context.Family == IpFamily.IPv6 ? "::" : "0.0.0.0"]));
        if (!TargetChecks.Has(options, "--tproxy-mark"))
            options.Add(new ExtensionOption("--tproxy-mark", ["0x0/0x0"]));
    }
}
