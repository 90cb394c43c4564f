namespace IptablesPolicy.Core.Views.ChainGraph;

/// <summary>An answer that may be unknown: the graph says <see cref="Indeterminate"/> rather than guess.</summary>
public enum TriState
{
    /// <summary>Certainly not.</summary>
    No,

    /// <summary>Certainly so.</summary>
    Yes,

    /// <summary>
    /// Cannot be told from the snapshot: an unknown target extension, a jump to a missing chain, a jump
    /// cycle, or a field the input format could not show.
    /// </summary>
    Indeterminate,
}
