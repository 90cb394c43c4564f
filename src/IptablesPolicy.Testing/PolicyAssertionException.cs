namespace IptablesPolicy.Testing;

/// <summary>A policy test failed; the message says, line by line, what was expected and what was found.
/// Any test framework reports it as a failure.</summary>
public sealed class PolicyAssertionException : Exception
{
    /// <summary>Creates the exception with its readable report.</summary>
    public PolicyAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PolicyAssertionException()
    {
    }

    /// <summary>Creates the exception with an inner one.</summary>
    public PolicyAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
