using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j TCPOPTSTRIP [--strip-options LIST]</c> (libxt_TCPOPTSTRIP.c): option kinds 2-255 or their names,
/// printed as numbers in ascending order. The kernel refuses it without <c>-p tcp</c>.
/// </summary>
internal sealed class TcpoptstripTargetDefinition : ExtensionDefinition
{
    private static readonly Dictionary<string, int> Names = new(StringComparer.Ordinal)
    {
        ["wscale"] = 3, ["mss"] = 2, ["sack-permitted"] = 4, ["sack"] = 5, ["timestamp"] = 8, ["md5"] = 19,
    };

    public override string Name => "TCPOPTSTRIP";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--strip-options") { Normalize = NormalizeList },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.RequireProtocol(context, Name, "tcp");
        TargetChecks.RequireTable(context, Name, "mangle");
    }

    private static IReadOnlyList<string>? NormalizeList(IReadOnlyList<string> values, ExtensionContext context)
    {
        var kinds = new SortedSet<int>();
        foreach (var item in values[0].Split(','))
        {
            int kind;
            if (Names.TryGetValue(item, out var named))
                kind = named;
            else if (OptionValues.TryParseUnsigned(item, out var number) && number <= 255)
                kind = (int)number;
            else
            {
                context.Fail($"bad TCP option '{item}': expected a number from 2 to 255 or {string.Join(", ", Names.Keys)}");
                return null;
            }
            if (kind < 2)
            {
                context.Fail($"TCP option {item} cannot be stripped: expected a kind from 2 to 255 (0 and 1 are padding)");
                return null;
            }
            if (!kinds.Add(kind))
            {
                context.Fail($"TCP option '{item}' given twice in --strip-options");
                return null;
            }
        }
        return [string.Join(',', kinds.Select(k => k.ToString(CultureInfo.InvariantCulture)))];
    }
}
