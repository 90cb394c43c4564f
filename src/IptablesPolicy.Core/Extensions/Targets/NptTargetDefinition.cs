using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j SNPT</c> and <c>-j DNPT</c> (libip6t_SNPT.c, libip6t_DNPT.c): IPv6 prefix translation, both
/// <c>--src-pfx</c> and <c>--dst-pfx</c> given as PREFIX/LENGTH.
/// </summary>
internal abstract class NptTargetDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IpFamily Family => IpFamily.IPv6;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--src-pfx") { Normalize = Prefix("--src-pfx") },
        new OptionSpec("--dst-pfx") { Normalize = Prefix("--dst-pfx") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.Require(options, context, Name, "--src-pfx", "--dst-pfx");
        TargetChecks.RequireTable(context, Name, "mangle");
    }

    // A bare address is a /128; the kernel (ip6t_npt_checkentry) refuses prefixes longer than 64 bits.
    private static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Prefix(string option)
    {
        var network = PrefixValues.Network($"{option} prefix", ipv6Only: true);
        return (values, context) =>
        {
            if (network(values, context) is not { } canonical)
                return null;
            if (AddressSpec.TryParse(canonical[0])?.PrefixLength is <= 64)
                return canonical;
            context.Fail($"{option} {values[0]} is longer than 64 bits: expected PREFIX/LENGTH with LENGTH at most 64 (the kernel refuses longer ones)");
            return null;
        };
    }
}
