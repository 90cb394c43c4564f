using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j SET</c> (libxt_SET.c, revision 3): <c>--add-set</c>, <c>--del-set</c> and <c>--map-set</c> each take a
/// set name and a list of <c>src</c>/<c>dst</c> directions. iptables also asks the kernel whether the set
/// exists, which a snapshot cannot tell.
/// </summary>
internal sealed class SetTargetDefinition : ExtensionDefinition
{
    /// <summary><c>IPSET_DIM_MAX</c>: at most six directions.</summary>
    private const int MaxDirections = 6;

    public override string Name => "SET";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--add-set") { MinValues = 2, MaxValues = 2, Normalize = SetAndDirections },
        OptionSpec.Flag("--exist"),
        new OptionSpec("--timeout") { Normalize = TargetValues.Decimal(0, uint.MaxValue - 1, "timeout in seconds") },
        new OptionSpec("--del-set") { MinValues = 2, MaxValues = 2, Normalize = SetAndDirections },
        new OptionSpec("--map-set") { MinValues = 2, MaxValues = 2, Normalize = SetAndDirections },
        OptionSpec.Flag("--map-mark"),
        OptionSpec.Flag("--map-prio"),
        OptionSpec.Flag("--map-queue"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.Exists(o => o.Name is "--add-set" or "--del-set" or "--map-set"))
            context.Fail("target SET needs --add-set, --del-set or --map-set");
    }

    private static IReadOnlyList<string>? SetAndDirections(IReadOnlyList<string> values, ExtensionContext context)
    {
        if (values[0].Length is 0 or > 31)
        {
            context.Fail($"bad set name '{values[0]}': expected 1 to 31 characters");
            return null;
        }
        var directions = values[1].Split(',');
        if (directions.Length > MaxDirections || directions.Any(d => d is not ("src" or "dst")))
        {
            context.Fail($"bad set directions '{values[1]}': expected up to {MaxDirections} of src and dst, separated by commas");
            return null;
        }
        return values;
    }
}
