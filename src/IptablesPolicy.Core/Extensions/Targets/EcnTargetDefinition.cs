using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j ECN</c> (libipt_ECN.c): at least one operation; setting both TCP bits to 0 (and nothing else) prints
/// as <c>--ecn-tcp-remove</c>. The kernel refuses the TCP operations without <c>-p tcp</c>.
/// </summary>
internal sealed class EcnTargetDefinition : ExtensionDefinition
{
    public override string Name => "ECN";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IpFamily Family => IpFamily.IPv4;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Flag("--ecn-tcp-remove"),
        new OptionSpec("--ecn-tcp-ece") { Normalize = TargetValues.Decimal(0, 1, "ECE bit") },
        new OptionSpec("--ecn-tcp-cwr") { Normalize = TargetValues.Decimal(0, 1, "CWR bit") },
        new OptionSpec("--ecn-ip-ect") { Normalize = TargetValues.Decimal(0, 3, "ECT codepoint") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.RequireTable(context, Name, "mangle");
        if (options.Count == 0)
        {
            context.Fail("target ECN needs an operation: --ecn-tcp-remove, --ecn-tcp-ece, --ecn-tcp-cwr or --ecn-ip-ect");
            return;
        }
        if (!TargetChecks.AtMostOne(options, context, Name, "--ecn-tcp-remove", "--ecn-tcp-ece")
            || !TargetChecks.AtMostOne(options, context, Name, "--ecn-tcp-remove", "--ecn-tcp-cwr"))
            return;
        var ece = TargetChecks.Find(options, "--ecn-tcp-ece");
        var cwr = TargetChecks.Find(options, "--ecn-tcp-cwr");
        if (ece is not null || cwr is not null || TargetChecks.Has(options, "--ecn-tcp-remove"))
            TargetChecks.RequireProtocol(context, Name, "tcp");
        // The kernel keeps only the bits to set: "remove" is ECE 0 and CWR 0, and is printed so only alone.
        var remove = TargetChecks.Find(options, "--ecn-tcp-remove");
        if (remove is not null && options.Count > 1)
        {
            options.Remove(remove);
            options.Insert(0, new ExtensionOption("--ecn-tcp-cwr", ["0"]));
            options.Insert(0, new ExtensionOption("--ecn-tcp-ece", ["0"]));
        }
        else if (ece?.Value == "0" && cwr?.Value == "0" && options.Count == 2)
        {
            options.Clear();
            options.Add(new ExtensionOption("--ecn-tcp-remove", []));
        }
    }
}
