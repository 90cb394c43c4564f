namespace IptablesPolicy.Engine.Results;

/// <summary>How a finding compares with a baseline run (SARIF <c>baselineState</c>).</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: the change introduced it.</summary>
    New,

    /// <summary>In the baseline with the same fingerprint and message.</summary>
    Unchanged,

    /// <summary>In the baseline with the same fingerprint but another message or place.</summary>
    Updated,

    /// <summary>In the baseline only: the change fixed it.</summary>
    Absent,
}
