using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j TCPMSS</c> (libxt_TCPMSS.c): <c>--set-mss</c> (up to 65535 less the IP header) or
/// <c>--clamp-mss-to-pmtu</c>, which wins when both are given. The kernel refuses it without <c>-p tcp</c>.
/// </summary>
internal abstract class TcpmssTargetDefinition : ExtensionDefinition
{
    public override string Name => "TCPMSS";

    public override ExtensionKind Kind => ExtensionKind.Target;

    /// <summary>The size of the IP header the MSS must leave room for.</summary>
    protected abstract ulong HeaderSize { get; }

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        new OptionSpec("--set-mss") { Normalize = TargetValues.Decimal(0, ushort.MaxValue - HeaderSize, "MSS") },
        OptionSpec.Flag("--clamp-mss-to-pmtu"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0)
        {
            context.Fail("target TCPMSS needs --set-mss or --clamp-mss-to-pmtu");
            return;
        }
        TargetChecks.RequireProtocol(context, Name, "tcp");
        if (options.Count == 2)
            options.RemoveAt(0);
    }

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new TcpmssTarget(options);
}

/// <summary><c>-j TCPMSS</c> in iptables (20-byte header).</summary>
internal sealed class TcpmssIPv4TargetDefinition : TcpmssTargetDefinition
{
    public override IpFamily Family => IpFamily.IPv4;

    protected override ulong HeaderSize => 20;
}

/// <summary><c>-j TCPMSS</c> in ip6tables (40-byte header).</summary>
internal sealed class TcpmssIPv6TargetDefinition : TcpmssTargetDefinition
{
    public override IpFamily Family => IpFamily.IPv6;

    protected override ulong HeaderSize => 40;
}
