using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m osf --genre NAME</c> (libxt_osf.c): passive OS fingerprinting of TCP SYNs, with <c>--ttl</c> and
/// <c>--log</c> levels 0 to 2. The kernel accepts it only with <c>-p tcp</c>.
/// </summary>
internal sealed class OsfMatchDefinition : ExtensionDefinition
{
    public override string Name => "osf";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--genre")
        {
            CanNegate = true,
            Normalize = (values, context) =>
            {
                if (values[0].Length < 32)
                    return values;
                context.Fail("--genre of match osf is too long: expected at most 31 characters");
                return null;
            },
        },
        new OptionSpec("--ttl") { Normalize = Numbers.Unsigned(0, 2, "--ttl") },
        new OptionSpec("--log") { Normalize = Numbers.Unsigned(0, 2, "--log") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        options.RequireAny(context, Name, "--genre");
        if (!context.ProtocolIs("tcp"))
            context.Fail("match osf needs -p tcp (and not ! -p tcp)");
    }
}
