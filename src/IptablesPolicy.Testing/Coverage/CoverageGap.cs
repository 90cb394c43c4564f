namespace IptablesPolicy.Testing.Coverage;

/// <summary>A policy id whose fixtures leave a case untested.</summary>
/// <param name="Id">The policy id.</param>
/// <param name="PolicyPath">The policy that declares it.</param>
/// <param name="Message">What is missing: no fixture at all, none where it reports, or none where it does not.</param>
public sealed record CoverageGap(string Id, string PolicyPath, string Message)
{
    /// <summary><c>policy: warning: ID has ...</c>.</summary>
    public override string ToString() => $"{PolicyPath}: {Id}: {Message}";
}
