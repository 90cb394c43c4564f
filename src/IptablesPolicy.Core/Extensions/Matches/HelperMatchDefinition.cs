using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m helper --helper NAME</c> (libxt_helper.c): the conntrack helper of the connection (<c>ftp</c>,
/// <c>sip</c>), required, quoted by iptables-save when it needs it; at most 29 characters.
/// </summary>
internal sealed class HelperMatchDefinition : ExtensionDefinition
{
    public override string Name => "helper";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--helper")
        {
            CanNegate = true,
            IsQuoted = true,
            Normalize = (values, context) =>
            {
                // struct xt_helper_info has char name[30], NUL included.
                if (values[0].Length <= 29)
                    return values;
                context.Fail($"--helper name '{values[0]}' is longer than 29 characters");
                return null;
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0 && !context.HasErrors)
            context.Fail("match helper needs --helper NAME");
    }
}
