using System.Net.Sockets;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m srh</c> (libip6t_srh.c, revision 1): the Segment Routing header's next header, length, segments
/// left, last entry and tag, and the previous, next and last segment ids as <c>ADDRESS/PREFIX</c> (saved
/// with the prefix always written).
/// </summary>
internal sealed class SrhMatchDefinition : ExtensionDefinition
{
    public override string Name => "srh";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IpFamily Family => IpFamily.IPv6;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        Byte("--srh-next-hdr"),
        Byte("--srh-hdr-len-eq"), Byte("--srh-hdr-len-gt"), Byte("--srh-hdr-len-lt"),
        Byte("--srh-segs-left-eq"), Byte("--srh-segs-left-gt"), Byte("--srh-segs-left-lt"),
        Byte("--srh-last-entry-eq"), Byte("--srh-last-entry-gt"), Byte("--srh-last-entry-lt"),
        new OptionSpec("--srh-tag") { CanNegate = true, Normalize = Numbers.Unsigned(0, ushort.MaxValue, "--srh-tag") },
        Sid("--srh-psid"), Sid("--srh-nsid"), Sid("--srh-lsid"),
    ];

    private static OptionSpec Byte(string name) => new(name) { CanNegate = true, Normalize = Numbers.Unsigned(0, byte.MaxValue, name) };

    private static OptionSpec Sid(string name) => new(name)
    {
        CanNegate = true,
        Normalize = (values, context) =>
        {
            if (HostMask.Parse(values[0], IpFamily.IPv6, context) is not var (address, mask))
                return null;
            if (address.AddressFamily != AddressFamily.InterNetworkV6 || AddressSpec.PrefixLengthOf(mask) is not { } length)
            {
                context.Fail($"bad {name} '{values[0]}': expected an IPv6 address with a prefix length");
                return null;
            }
            return [$"{address}/{length}"];
        },
    };

    // The -eq, -gt and -lt variants of a field share one value in the kernel structure: the last given wins for all.
    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        foreach (var field in new[] { "--srh-hdr-len-", "--srh-segs-left-", "--srh-last-entry-" })
        {
            var same = options.FindAll(o => o.Name.StartsWith(field, StringComparison.Ordinal));
            if (same.Count < 2)
                continue;
            var last = same[^1].Values;
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i].Name.StartsWith(field, StringComparison.Ordinal))
                    options[i] = new ExtensionOption(options[i].Name, last, options[i].IsNegated, options[i].Quoting);
            }
        }
    }
}
