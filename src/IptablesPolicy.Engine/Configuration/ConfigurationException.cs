namespace IptablesPolicy.Engine.Configuration;

/// <summary>The configuration file is missing, not JSON, or does not follow <c>policy-schema.json</c>.</summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found, each <c>file:line: error: $.path: message</c>.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates the exception for one problem.</summary>
    public ConfigurationException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates an exception without problems (for serializers and analyzers; prefer the other constructors).</summary>
    public ConfigurationException()
        : this([])
    {
    }

    /// <summary>Creates the exception for one problem with its cause.</summary>
    public ConfigurationException(string problem, Exception innerException)
        : base(problem, innerException) => Problems = [problem];

    /// <summary>Every problem, in file order, each <c>file:line: error: $.path: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
