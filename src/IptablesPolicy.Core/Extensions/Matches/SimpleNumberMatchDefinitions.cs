using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// The matches that take one mandatory, negatable number saved in decimal: <c>-m quota --quota BYTES</c>
/// (libxt_quota.c, 64 bits) and <c>-m cpu --cpu N</c> (libxt_cpu.c, 32 bits).
/// </summary>
internal abstract class SingleNumberMatchDefinition : ExtensionDefinition
{
    public override ExtensionKind Kind => ExtensionKind.Match;

    protected abstract ulong Max { get; }

    public override IReadOnlyList<OptionSpec> Options => field ??=
    [
        new OptionSpec($"--{Name}") { CanNegate = true, Normalize = Numbers.Unsigned(0, Max, $"--{Name}") },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context) =>
        options.RequireAny(context, Name, $"--{Name}");
}

/// <summary><c>-m quota --quota BYTES</c>: matches until the rule has seen that many bytes.</summary>
internal sealed class QuotaMatchDefinition : SingleNumberMatchDefinition
{
    public override string Name => "quota";

    protected override ulong Max => ulong.MaxValue;
}

/// <summary><c>-m cpu --cpu N</c>: the CPU handling the packet.</summary>
internal sealed class CpuMatchDefinition : SingleNumberMatchDefinition
{
    public override string Name => "cpu";

    protected override ulong Max => uint.MaxValue;
}
