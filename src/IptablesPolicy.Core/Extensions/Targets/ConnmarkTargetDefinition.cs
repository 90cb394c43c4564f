using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j CONNMARK</c> (libxt_CONNMARK.c, revisions 1 and 2): one operation. The set operations print as
/// <c>--set-xmark 0xVALUE/0xMASK</c>; <c>--save-mark</c> and <c>--restore-mark</c> print both masks
/// (<c>--nfmask 0x... --ctmask 0x...</c>, 0xffffffff unless given; <c>--mask</c> sets both), then a
/// non-zero shift.
/// </summary>
internal sealed class ConnmarkTargetDefinition : ExtensionDefinition
{
    private static readonly string[] Operations = ["--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark", "--save-mark", "--restore-mark"];

    public override string Name => "CONNMARK";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--set-xmark") { Normalize = XmarkValues.SetXmark },
        new OptionSpec("--set-mark") { Normalize = XmarkValues.SetMark },
        new OptionSpec("--and-mark") { Normalize = XmarkValues.AndMark },
        new OptionSpec("--or-mark") { Normalize = XmarkValues.OrMark },
        new OptionSpec("--xor-mark") { Normalize = XmarkValues.XorMark },
        OptionSpec.Flag("--save-mark"),
        OptionSpec.Flag("--restore-mark"),
        new OptionSpec("--nfmask") { Normalize = TargetValues.Hex32 },
        new OptionSpec("--ctmask") { Normalize = TargetValues.Hex32 },
        new OptionSpec("--mask") { Normalize = TargetValues.Hex32 },
        new OptionSpec("--left-shift-mark") { Normalize = TargetValues.Decimal(0, 31, "shift") },
        new OptionSpec("--right-shift-mark") { Normalize = TargetValues.Decimal(0, 31, "shift") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!TargetChecks.ExactlyOne(options, context, Name, Operations)
            | !TargetChecks.AtMostOne(options, context, Name, "--mask", "--nfmask")
            | !TargetChecks.AtMostOne(options, context, Name, "--mask", "--ctmask")
            | !TargetChecks.AtMostOne(options, context, Name, "--left-shift-mark", "--right-shift-mark"))
            return;
        var operation = options[0];
        var mask = TargetChecks.Find(options, "--mask")?.Value;
        var nfmask = mask ?? TargetChecks.Find(options, "--nfmask")?.Value ?? "0xffffffff";
        var ctmask = mask ?? TargetChecks.Find(options, "--ctmask")?.Value ?? "0xffffffff";
        var shift = options.Find(o => o.Name is "--left-shift-mark" or "--right-shift-mark");
        var canonical = new List<ExtensionOption>(4);
        if (operation.Name is "--save-mark" or "--restore-mark")
        {
            canonical.Add(operation);
            canonical.Add(new ExtensionOption("--nfmask", [nfmask]));
            canonical.Add(new ExtensionOption("--ctmask", [ctmask]));
        }
        else
        {
            // A mask given with a set operation replaces the operation's own (ctmask in the kernel's terms).
            var (value, opMask) = XmarkPair.Parse(operation.Value)!.Value;
            var ctmaskGiven = mask ?? TargetChecks.Find(options, "--ctmask")?.Value;
            var finalMask = ctmaskGiven is null ? opMask : (XmarkPair.TryHex(ctmaskGiven, out var m) ? m : opMask);
            canonical.Add(new ExtensionOption("--set-xmark", [$"0x{value:x}/0x{finalMask:x}"]));
        }
        if (shift is not null && shift.Value != "0")
            canonical.Add(shift);
        options.Clear();
        options.AddRange(canonical);
    }

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new ConnmarkTarget(options);
}
