namespace IptablesPolicy.Core.Parsing;

/// <summary>Which quoting rules split a line into arguments.</summary>
internal enum QuotingStyle
{
    /// <summary>
    /// iptables-restore's rules (<c>add_param_to_argv</c> in iptables' xshared.c): only double quotes
    /// group, a backslash escapes the next character inside them and is literal outside.
    /// </summary>
    Restore,

    /// <summary>POSIX shell rules for scripts of iptables commands: single and double quotes, backslash escapes.</summary>
    Shell,
}
