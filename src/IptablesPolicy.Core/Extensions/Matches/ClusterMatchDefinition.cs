using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m cluster</c> (libxt_cluster.c): <c>--cluster-total-nodes</c> and <c>--cluster-hash-seed</c> are
/// required, with <c>--cluster-local-node N</c> or <c>--cluster-local-nodemask MASK</c>; iptables-save prints
/// the node as a mask (<c>--cluster-local-nodemask 0x00000002</c>) first, and the seed in hexadecimal.
/// </summary>
internal sealed class ClusterMatchDefinition : ExtensionDefinition
{
    /// <summary>XT_CLUSTER_NODES_MAX.</summary>
    private const ulong MaxNodes = 32;

    public override string Name => "cluster";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--cluster-local-node") { CanNegate = true, Normalize = Numbers.Unsigned(1, MaxNodes, "--cluster-local-node") },
        new OptionSpec("--cluster-local-nodemask") { CanNegate = true, Normalize = Hex(1, MaxNodes, "--cluster-local-nodemask") },
        new OptionSpec("--cluster-total-nodes") { Normalize = Numbers.Unsigned(1, MaxNodes, "--cluster-total-nodes") },
        new OptionSpec("--cluster-hash-seed") { Normalize = Hex(0, uint.MaxValue, "--cluster-hash-seed") },
    ];

    private static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Hex(ulong min, ulong max, string what) =>
        (values, context) =>
        {
            if (Numbers.TryParse(values[0], out var value) && value >= min && value <= max)
                return [string.Create(CultureInfo.InvariantCulture, $"0x{value:x8}")];
            context.Fail($"invalid {what} '{values[0]}': expected a number from {min} to {max}");
            return null;
        };

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        foreach (var required in new[] { "--cluster-total-nodes", "--cluster-hash-seed" })
        {
            if (!options.Exists(o => o.Name == required))
                context.Fail($"match cluster needs {required}");
        }
        var node = options.FindIndex(o => o.Name == "--cluster-local-node");
        var nodemask = options.FindIndex(o => o.Name == "--cluster-local-nodemask");
        if (node >= 0 && nodemask >= 0)
            context.Fail("--cluster-local-node and --cluster-local-nodemask exclude each other: expected one of them");
        else if (node < 0 && nodemask < 0)
            context.Fail("match cluster needs --cluster-local-node or --cluster-local-nodemask");
        if (context.HasErrors)
            return;
        ulong mask;
        if (node >= 0)
        {
            mask = 1UL << (int.Parse(options[node].Value!, CultureInfo.InvariantCulture) - 1);
            options[node] = new ExtensionOption("--cluster-local-nodemask", [string.Create(CultureInfo.InvariantCulture, $"0x{mask:x8}")], options[node].IsNegated);
        }
        else
        {
            mask = ulong.Parse(options[nodemask].Value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        var total = int.Parse(options.Find(o => o.Name == "--cluster-total-nodes")!.Value!, CultureInfo.InvariantCulture);
        if (mask >= 1UL << total)
            context.Fail("the local node of match cluster must be at most --cluster-total-nodes");
    }
}
