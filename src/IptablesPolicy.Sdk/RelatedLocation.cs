namespace IptablesPolicy.Sdk;

/// <summary>A further place that explains a finding (the shadowing rule, the DNAT at the end of a path), with a message.</summary>
/// <param name="Location">The place.</param>
/// <param name="Message">What it has to do with the finding.</param>
public sealed record RelatedLocation(PolicyLocation Location, string Message);
