using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m nfacct --nfacct-name NAME</c> (libxt_nfacct.c): counts packets in a named accounting object
/// (1 to 31 characters). Whether the object exists is the kernel's knowledge, not the snapshot's.
/// </summary>
internal sealed class NfacctMatchDefinition : ExtensionDefinition
{
    public override string Name => "nfacct";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--nfacct-name")
        {
            IsQuoted = true,
            Normalize = (values, context) =>
            {
                if (values[0].Length is > 0 and < 32 && !values[0].Contains('\n'))
                    return values;
                context.Fail("--nfacct-name expects a name of 1 to 31 characters without newlines");
                return null;
            },
        },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, "--nfacct-name");
}
