using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m helper --helper NAME</c> (libxt_helper.c): the conntrack helper of the connection (<c>ftp</c>,
/// <c>sip</c>), required, quoted by iptables-save when it needs it. iptables keeps at most 29 characters
/// of it (the kernel structure holds 30 with the NUL) and drops the rest without a word; so does this.
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
            Normalize = (values, _) =>
            {
                // xtopt_parse_string truncates to struct xt_helper_info's char name[30], NUL included.
                return values[0].Length <= 29 ? values : [values[0][..29]];
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0 && !context.HasErrors)
            context.Fail("match helper needs --helper NAME");
    }
}
