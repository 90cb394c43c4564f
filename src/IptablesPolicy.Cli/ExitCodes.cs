namespace IptablesPolicy.Cli;

/// <summary>Every exit code the tool returns, in one place.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its job.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found what it reports as a failure (findings, failed tests).</summary>
    public const int Findings = 1;

    /// <summary>Nothing could be read: every input was missing, unreadable or held no ruleset.</summary>
    public const int NoInput = 2;

    /// <summary>The configuration file or the baseline was missing, unreadable, or refused (schema errors with path and line).</summary>
    public const int Configuration = 2;

    /// <summary>
    /// The run is incomplete: a policy did not compile, broke the rules for policies, threw or timed out, or a
    /// snapshot or policy could not be (fully) read. What was found is still reported; more may be missing.
    /// Takes precedence over <see cref="Findings"/>.
    /// </summary>
    public const int Incomplete = 3;

    /// <summary>The command line itself was wrong (unknown option, bad value). Shares 2 with the other "nothing could run as asked" cases.</summary>
    public const int Usage = 2;

    /// <summary>A bug in the tool itself (sysexits' EX_SOFTWARE), reported in one line without a stack trace.</summary>
    public const int InternalError = 70;
}
