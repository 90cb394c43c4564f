using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j REJECT</c> (libipt_REJECT.c, libip6t_REJECT.c): iptables-save always prints <c>--reject-with</c>,
/// with the default <c>icmp-port-unreachable</c> (IPv4) or <c>icmp6-port-unreachable</c> (IPv6), and the
/// canonical name of an alias (<c>tcp-reset</c> for <c>tcp-rst</c>).
/// </summary>
internal abstract class RejectTargetDefinition : ExtensionDefinition
{
    public override string Name => "REJECT";

    public override ExtensionKind Kind => ExtensionKind.Target;

    /// <summary>Each accepted name with the name iptables-save prints for it, the canonical first.</summary>
    protected abstract IReadOnlyList<(string Typed, string Canonical)> Types { get; }

    protected abstract string DefaultType { get; }

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        new OptionSpec("--reject-with")
        {
            Normalize = (values, context) =>
            {
                foreach (var (typed, canonical) in Types)
                {
                    if (typed == values[0])
                        return [canonical];
                }
                context.Fail($"unknown --reject-with type '{values[0]}': expected one of {string.Join(", ", Types.Select(t => t.Canonical).Distinct())}");
                return null;
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0)
            options.Add(new ExtensionOption("--reject-with", [DefaultType]));
        if (options[0].Value == "tcp-reset" && !context.ProtocolIs("tcp"))
            context.Fail("--reject-with tcp-reset needs -p tcp");
    }

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new RejectTarget(options);
}

/// <summary><c>-j REJECT</c> in iptables.</summary>
internal sealed class RejectIPv4TargetDefinition : RejectTargetDefinition
{
    public override IpFamily Family => IpFamily.IPv4;

    protected override string DefaultType => "icmp-port-unreachable";

    protected override IReadOnlyList<(string Typed, string Canonical)> Types { get; } =
    [
        ("icmp-net-unreachable", "icmp-net-unreachable"), ("net-unreach", "icmp-net-unreachable"),
        ("icmp-host-unreachable", "icmp-host-unreachable"), ("host-unreach", "icmp-host-unreachable"),
        ("icmp-proto-unreachable", "icmp-proto-unreachable"), ("proto-unreach", "icmp-proto-unreachable"),
        ("icmp-port-unreachable", "icmp-port-unreachable"), ("port-unreach", "icmp-port-unreachable"),
        ("icmp-net-prohibited", "icmp-net-prohibited"), ("net-prohib", "icmp-net-prohibited"),
        ("icmp-host-prohibited", "icmp-host-prohibited"), ("host-prohib", "icmp-host-prohibited"),
        ("tcp-reset", "tcp-reset"), ("tcp-rst", "tcp-reset"),
        ("icmp-admin-prohibited", "icmp-admin-prohibited"), ("admin-prohib", "icmp-admin-prohibited"),
    ];
}

/// <summary><c>-j REJECT</c> in ip6tables.</summary>
internal sealed class RejectIPv6TargetDefinition : RejectTargetDefinition
{
    public override IpFamily Family => IpFamily.IPv6;

    protected override string DefaultType => "icmp6-port-unreachable";

    protected override IReadOnlyList<(string Typed, string Canonical)> Types { get; } =
    [
        ("icmp6-no-route", "icmp6-no-route"), ("no-route", "icmp6-no-route"),
        ("icmp6-adm-prohibited", "icmp6-adm-prohibited"), ("adm-prohibited", "icmp6-adm-prohibited"),
        ("icmp6-addr-unreachable", "icmp6-addr-unreachable"), ("addr-unreach", "icmp6-addr-unreachable"),
        ("icmp6-port-unreachable", "icmp6-port-unreachable"), ("port-unreach", "icmp6-port-unreachable"),
        ("icmp6-policy-fail", "icmp6-policy-fail"), ("policy-fail", "icmp6-policy-fail"),
        ("icmp6-reject-route", "icmp6-reject-route"), ("reject-route", "icmp6-reject-route"),
        ("tcp-reset", "tcp-reset"), ("tcp-rst", "tcp-reset"),
    ];
}
