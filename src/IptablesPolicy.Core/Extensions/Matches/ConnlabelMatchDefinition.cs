using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m connlabel --label LABEL [--set]</c> (libxt_connlabel.c): a label bit from 0 to 127 or a name
/// from the machine's connlabel.conf, which iptables-save prints in double quotes. Names cannot be
/// checked here (they depend on the machine), so they are kept as written.
/// </summary>
internal sealed class ConnlabelMatchDefinition : ExtensionDefinition
{
    /// <summary>XT_CONNLABEL_MAXBIT: the kernel refuses higher bits.</summary>
    private const ulong MaxBit = 127;

    public override string Name => "connlabel";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--label")
        {
            CanNegate = true,
            AlwaysQuoted = true,
            Normalize = (values, context) =>
            {
                var text = values[0];
                if (text.Length == 0)
                {
                    context.Fail("empty --label: expected a label bit from 0 to 127 or a name from connlabel.conf");
                    return null;
                }
                if (!Numbers.TryParse(text, out var bit))
                    return values;
                if (bit <= MaxBit)
                    return [bit.ToString(CultureInfo.InvariantCulture)];
                context.Fail($"invalid --label '{text}': expected a label bit from 0 to {MaxBit} or a name from connlabel.conf");
                return null;
            },
        },
        OptionSpec.Flag("--set"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.Exists(o => o.Name == "--label") && !context.HasErrors)
            context.Fail("match connlabel needs --label");
    }
}
