namespace IptablesPolicy.Engine.Results;

/// <summary>A baseline result the current run no longer finds (written to SARIF with <c>baselineState: absent</c>).</summary>
/// <param name="RuleId">The policy id.</param>
/// <param name="Fingerprint">Its fingerprint in the baseline.</param>
/// <param name="Message">Its message in the baseline.</param>
/// <param name="Path">The snapshot it was in, as the baseline names it.</param>
/// <param name="Line">Its line in the baseline.</param>
public sealed record AbsentResult(string RuleId, string Fingerprint, string Message, string Path, int Line);
