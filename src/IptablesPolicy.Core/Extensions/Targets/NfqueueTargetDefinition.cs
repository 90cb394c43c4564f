using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j NFQUEUE</c> (libxt_NFQUEUE.c, revision 3): <c>--queue-num</c> (printed as 0 when absent) or
/// <c>--queue-balance FIRST:LAST</c>, then <c>--queue-bypass</c> and <c>--queue-cpu-fanout</c>.
/// </summary>
internal sealed class NfqueueTargetDefinition : ExtensionDefinition
{
    /// <summary>The highest queue a balance range may name (<c>UINT16_MAX - 1</c>).</summary>
    private const ulong MaxBalanceQueue = 65534;

    public override string Name => "NFQUEUE";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--queue-num") { Normalize = TargetValues.Decimal(0, ushort.MaxValue, "queue number") },
        new OptionSpec("--queue-balance") { Normalize = NormalizeBalance },
        OptionSpec.Flag("--queue-bypass"),
        OptionSpec.Flag("--queue-cpu-fanout"),
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.AtMostOne(options, context, Name, "--queue-num", "--queue-balance");
        if (TargetChecks.Has(options, "--queue-cpu-fanout") && !TargetChecks.Has(options, "--queue-balance"))
            context.Fail("--queue-cpu-fanout of target NFQUEUE needs --queue-balance");
        if (!TargetChecks.Has(options, "--queue-num") && !TargetChecks.Has(options, "--queue-balance"))
            options.Insert(0, new ExtensionOption("--queue-num", ["0"]));
    }

    /// <summary>
    /// <c>FIRST:LAST</c> as libxtables reads a <c>XTTYPE_UINT16RC</c> range: an empty side is 0 or 65534,
    /// and FIRST must be less than LAST.
    /// </summary>
    private static IReadOnlyList<string>? NormalizeBalance(IReadOnlyList<string> values, ExtensionContext context)
    {
        var text = values[0];
        var parts = text.Split(':');
        if (parts.Length != 2)
        {
            context.Fail($"bad --queue-balance range '{text}': expected FIRST:LAST");
            return null;
        }
        var first = parts[0].Length == 0 ? 0 : OptionValues.ParseUnsigned(parts[0], 0, MaxBalanceQueue, "queue number", context);
        var last = parts[1].Length == 0 ? MaxBalanceQueue : OptionValues.ParseUnsigned(parts[1], 0, MaxBalanceQueue, "queue number", context);
        if (first is null || last is null)
            return null;
        if (first >= last)
        {
            context.Fail($"bad --queue-balance range '{text}': expected FIRST less than LAST");
            return null;
        }
        return [string.Create(CultureInfo.InvariantCulture, $"{first}:{last}")];
    }
}
