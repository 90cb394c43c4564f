namespace IptablesPolicy.Core.Model.Targets;

/// <summary>
/// <c>-j MARK</c>: changes the packet mark (<c>fwmark</c>), which routing, tc and later rules read.
/// iptables-save prints every form as <c>--set-xmark 0xVALUE/0xMASK</c>; <see cref="Operation"/> names it.
/// </summary>
public sealed class MarkTarget : Target
{
    internal MarkTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "MARK", options, isKnown: true)
    {
    }

    /// <summary>
    /// What the target does, as <c>iptables -L</c> names it: <see cref="MarkOperation.Set"/>,
    /// <see cref="MarkOperation.SetXmark"/>, <see cref="MarkOperation.And"/>, <see cref="MarkOperation.Or"/>
    /// or <see cref="MarkOperation.Xor"/>.
    /// </summary>
    public MarkOperation Operation => XmarkPair.Classify(Value, Mask).Operation;

    /// <summary>The value of the pair: the new mark is <c>(old AND NOT <see cref="Mask"/>) XOR Value</c>.</summary>
    public uint Value => XmarkPair.Parse(Option("--set-xmark")?.Value)?.Value ?? 0;

    /// <summary>The bits the target clears before applying <see cref="Value"/>.</summary>
    public uint Mask => XmarkPair.Parse(Option("--set-xmark")?.Value)?.Mask ?? 0;

    /// <summary>The operand of <see cref="Operation"/>: the bits kept for <see cref="MarkOperation.And"/>, otherwise <see cref="Value"/>.</summary>
    public uint Operand => XmarkPair.Classify(Value, Mask).Operand;
}
