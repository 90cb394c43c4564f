namespace IptablesPolicy.Sdk;

/// <summary>How serious a finding is; the names are SARIF's levels.</summary>
public enum Severity
{
    /// <summary>Worth knowing; never fails a run by default.</summary>
    Note,

    /// <summary>Probably wrong; fails a run only when asked to.</summary>
    Warning,

    /// <summary>Wrong; fails the run.</summary>
    Error,
}
