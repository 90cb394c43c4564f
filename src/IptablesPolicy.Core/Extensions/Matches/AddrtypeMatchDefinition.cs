using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m addrtype</c> (libxt_addrtype.c, revision 1): the routing type of the source and destination
/// address (comma-separated lists, names matched case-insensitively by prefix, saved in the kernel's
/// order), optionally limited to the packet's input or output interface.
/// </summary>
internal sealed class AddrtypeMatchDefinition : ExtensionDefinition
{
    /// <summary>The types in the kernel's order (RTN_*); bit i of the mask is Types[i].</summary>
    internal static readonly string[] Types =
        ["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"];

    public override string Name => "addrtype";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--src-type") { CanNegate = true, Normalize = (values, context) => ParseTypes(values[0], context) },
        new OptionSpec("--dst-type") { CanNegate = true, Normalize = (values, context) => ParseTypes(values[0], context) },
        OptionSpec.Flag("--limit-iface-in"),
        OptionSpec.Flag("--limit-iface-out"),
    ];

    private static IReadOnlyList<string>? ParseTypes(string text, ExtensionContext context)
    {
        var mask = 0;
        foreach (var part in text.Split(','))
        {
            var index = part.Length == 0 ? -1 : Array.FindIndex(Types, t => t.StartsWith(part, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                context.Fail($"unknown address type '{part}': expected a comma-separated list of {string.Join(", ", Types)}");
                return null;
            }
            mask |= 1 << index;
        }
        return [string.Join(',', Types.Where((_, i) => (mask & (1 << i)) != 0))];
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, "--src-type", "--dst-type") || !options.AtMostOne(context, Name, "--limit-iface-in", "--limit-iface-out"))
            return;
        // The kernel's checkentry: an input interface exists only before routing, an output one only after.
        if (options.Has("--limit-iface-in") && context.Chain is "OUTPUT" or "POSTROUTING")
            context.Fail($"--limit-iface-in of match addrtype cannot be used in {context.Chain}: there is no input interface");
        if (options.Has("--limit-iface-out") && context.Chain is "PREROUTING" or "INPUT")
            context.Fail($"--limit-iface-out of match addrtype cannot be used in {context.Chain}: there is no output interface");
        if (context.Family == IpFamily.IPv6)
        {
            foreach (var option in options.Where(o => o.Name is "--src-type" or "--dst-type"))
            {
                var unsupported = option.Value!.Split(',').Where(t => t is "BROADCAST" or "BLACKHOLE" or "PROHIBIT" or "THROW" or "NAT" or "XRESOLVE").ToList();
                if (unsupported.Count > 0)
                    context.Fail($"match addrtype: the kernel does not support {string.Join(", ", unsupported)} for IPv6");
            }
        }
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new AddrtypeMatch(options);
}
