using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m cgroup</c> (libxt_cgroup.c, revision 2): the socket's cgroup v2 <c>--path</c> (quoted as needed)
/// or net_cls <c>--cgroup</c> class id. The kernel wants exactly one of the two.
/// </summary>
internal sealed class CgroupMatchDefinition : ExtensionDefinition
{
    public override string Name => "cgroup";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--path")
        {
            CanNegate = true,
            IsQuoted = true,
            Normalize = (values, context) =>
            {
                if (values[0].Length < 512)
                    return values;
                context.Fail("--path of match cgroup is too long: expected at most 511 characters");
                return null;
            },
        },
        new OptionSpec("--cgroup") { CanNegate = true, Normalize = Numbers.Unsigned(0, uint.MaxValue, "--cgroup") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.RequireAny(context, Name, "--path", "--cgroup"))
            options.AtMostOne(context, Name, "--path", "--cgroup");
    }
}
