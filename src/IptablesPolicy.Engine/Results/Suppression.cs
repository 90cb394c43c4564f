namespace IptablesPolicy.Engine.Results;

/// <summary>Why a finding is suppressed: where the suppression was written and the justification it gives.</summary>
/// <param name="Kind">Where it comes from: <c>config</c> (the configuration file), <c>inline</c> (a <c># iptables-policy: disable</c>
/// comment line in the snapshot) or <c>rule-comment</c> (the rule's own <c>-m comment</c>).</param>
/// <param name="Justification">The reason given (required).</param>
/// <param name="Source">Where it is written, <c>file:line</c>.</param>
public sealed record Suppression(string Kind, string Justification, string Source);
