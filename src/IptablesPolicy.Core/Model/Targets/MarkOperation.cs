namespace IptablesPolicy.Core.Model.Targets;

/// <summary>
/// What a MARK or CONNMARK target does to the mark, as <c>iptables -L</c> names it. The kernel keeps a
/// set operation as one (value, mask) pair, the new mark being <c>(old AND NOT mask) XOR value</c>; the
/// name is read back from that pair.
/// </summary>
public enum MarkOperation
{
    /// <summary>Replaces the whole mark with the value (mask 0xffffffff).</summary>
    Set,

    /// <summary>Clears the mask's bits, then flips the value's bits (the general <c>--set-xmark</c>).</summary>
    SetXmark,

    /// <summary>Keeps only the bits of the value (<c>--and-mark</c>).</summary>
    And,

    /// <summary>Sets the bits of the value (<c>--or-mark</c>).</summary>
    Or,

    /// <summary>Flips the bits of the value (<c>--xor-mark</c>).</summary>
    Xor,

    /// <summary>CONNMARK only: copies the packet mark into the connection mark (<c>--save-mark</c>).</summary>
    Save,

    /// <summary>CONNMARK only: copies the connection mark into the packet mark (<c>--restore-mark</c>).</summary>
    Restore,
}
