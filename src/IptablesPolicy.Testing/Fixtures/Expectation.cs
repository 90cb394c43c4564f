namespace IptablesPolicy.Testing.Fixtures;

/// <summary>One expectation of a fixture: a policy id that must (or must not) report at a line.</summary>
/// <param name="Kind">Must or must not.</param>
/// <param name="Id">The policy id.</param>
/// <param name="MessageSubstring">Text the finding's message must contain; null for any message.</param>
/// <param name="DirectiveLine">The line of the <c># expect:</c> or <c># ok:</c> comment.</param>
/// <param name="TargetLine">The line it applies to: the next one that is neither a comment nor blank.</param>
public sealed record Expectation(ExpectationKind Kind, string Id, string? MessageSubstring, int DirectiveLine, int TargetLine)
{
    /// <summary>As written: <c>IPT1102 "has no endpoints"</c>.</summary>
    public override string ToString() => MessageSubstring is null ? Id : $"{Id} \"{MessageSubstring}\"";
}
