namespace IptablesPolicy.Testing.Verification;

/// <summary>How a line of a fixture differs from what the policies found.</summary>
public enum MismatchKind
{
    /// <summary>An expected finding was not reported.</summary>
    Missing,

    /// <summary>A finding of a policy under test was reported where none was expected.</summary>
    Unexpected,

    /// <summary>The expected finding was reported, but its message lacks the expected text.</summary>
    WrongMessage,

    /// <summary>A <c># ok:</c> line's finding was reported.</summary>
    Forbidden,
}
