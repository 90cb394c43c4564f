namespace IptablesPolicy.Engine.Baselines;

/// <summary>One result of a baseline SARIF file: what matching needs.</summary>
/// <param name="RuleId">The policy id (<c>ruleId</c>).</param>
/// <param name="Fingerprint">Its <c>partialFingerprints.primaryLocationLineHash</c>.</param>
/// <param name="Message">Its <c>message.text</c>.</param>
/// <param name="Uri">Its first location's <c>artifactLocation.uri</c> ("" when it has none).</param>
/// <param name="Line">Its first location's <c>region.startLine</c> (0 when it has none).</param>
public sealed record BaselineResult(string RuleId, string Fingerprint, string Message, string Uri, int Line);
