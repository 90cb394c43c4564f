namespace IptablesPolicy.Core.Model.Targets;

/// <summary>
/// <c>-j CONNMARK</c>: sets the connection mark, or copies marks between the packet and its connection
/// (<c>--save-mark</c>, <c>--restore-mark</c>) through masks.
/// </summary>
public sealed class ConnmarkTarget : Target
{
    internal ConnmarkTarget(IReadOnlyList<ExtensionOption> options)
        : base(TargetKind.Extension, "CONNMARK", options, isKnown: true)
    {
    }

    /// <summary>What the target does: a set operation (named as <c>iptables -L</c> does), <see cref="MarkOperation.Save"/> or <see cref="MarkOperation.Restore"/>.</summary>
    public MarkOperation Operation =>
        Option("--save-mark") is not null ? MarkOperation.Save
        : Option("--restore-mark") is not null ? MarkOperation.Restore
        : XmarkPair.Classify(Value, Mask).Operation;

    /// <summary>For a set operation, the value of the pair: the new connection mark is <c>(old AND NOT <see cref="Mask"/>) XOR Value</c>; 0 otherwise.</summary>
    public uint Value => XmarkPair.Parse(Option("--set-xmark")?.Value)?.Value ?? 0;

    /// <summary>For a set operation, the connection-mark bits cleared before applying <see cref="Value"/>; 0 otherwise.</summary>
    public uint Mask => XmarkPair.Parse(Option("--set-xmark")?.Value)?.Mask ?? 0;

    /// <summary>For save and restore, the packet-mark bits copied (<c>--nfmask</c>); null for a set operation.</summary>
    public uint? NfMask => Hex("--nfmask");

    /// <summary>For save and restore, the connection-mark bits copied (<c>--ctmask</c>); null for a set operation.</summary>
    public uint? CtMask => Hex("--ctmask");

    /// <summary>The bit shift applied while copying: positive to the left, negative to the right, 0 for none.</summary>
    public int Shift =>
        Option("--left-shift-mark")?.Value is { } left ? int.Parse(left, System.Globalization.CultureInfo.InvariantCulture)
        : Option("--right-shift-mark")?.Value is { } right ? -int.Parse(right, System.Globalization.CultureInfo.InvariantCulture)
        : 0;

    private uint? Hex(string name) => Option(name)?.Value is { } text && XmarkPair.TryHex(text, out var value) ? value : null;
}
