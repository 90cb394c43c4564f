namespace IptablesPolicy.Engine.Sources;

/// <summary>Where a policy script comes from.</summary>
public enum PolicyOrigin
{
    /// <summary>A <c>.csx</c> file on disk, found by a path or glob.</summary>
    File,

    /// <summary>The built-in pack shipped inside the tool.</summary>
    BuiltIn,
}
