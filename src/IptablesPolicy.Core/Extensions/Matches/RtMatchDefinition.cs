using System.Net;
using System.Net.Sockets;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m rt</c> (libip6t_rt.c): the Routing header's type, segments-left range (left out when it covers
/// every value and is not negated), length, and for type 0 <c>--rt-0-res</c>, <c>--rt-0-addrs</c> (up to
/// 16 addresses) and <c>--rt-0-not-strict</c>.
/// </summary>
internal sealed class RtMatchDefinition : ExtensionDefinition
{
    private const int MaxAddresses = 16;

    public override string Name => "rt";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv6;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--rt-type") { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, "--rt-type") },
        new OptionSpec("--rt-segsleft") { CanNegate = true, Normalize = Numbers.Range(uint.MaxValue, "--rt-segsleft") },
        new OptionSpec("--rt-len") { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, "--rt-len") },
        OptionSpec.Flag("--rt-0-res"),
        new OptionSpec("--rt-0-addrs") { Normalize = NormalizeAddresses },
        OptionSpec.Flag("--rt-0-not-strict"),
    ];

    private static IReadOnlyList<string>? NormalizeAddresses(IReadOnlyList<string> values, ExtensionContext context)
    {
        var parts = values[0].Split(',');
        if (parts.Length > MaxAddresses)
        {
            context.Fail($"too many addresses in --rt-0-addrs: expected at most {MaxAddresses}");
            return null;
        }
        var addresses = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (!HostMask.TryParseAddress(part, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                context.Fail($"bad address '{part}' in --rt-0-addrs: expected IPv6 addresses separated by commas");
                return null;
            }
            addresses.Add(address.ToString());
        }
        return [string.Join(',', addresses)];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        var type0 = options.Find(o => o.Name == "--rt-type") is { IsNegated: false, Value: "0" };
        if (!type0 && options.Exists(o => o.Name is "--rt-0-res" or "--rt-0-addrs"))
            context.Fail("--rt-0-res and --rt-0-addrs of match rt need --rt-type 0");
        if (options.Exists(o => o.Name == "--rt-0-not-strict") && !options.Exists(o => o.Name == "--rt-0-addrs"))
            context.Fail("--rt-0-not-strict of match rt needs --rt-0-addrs");
        FullRange.RemoveUnlessNegated(options, "--rt-segsleft", uint.MaxValue);
    }
}
