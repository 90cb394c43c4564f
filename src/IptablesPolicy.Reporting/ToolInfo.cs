using System.Reflection;

namespace IptablesPolicy.Reporting;

/// <summary>The tool as outputs name it (SARIF <c>tool.driver</c>, the JSON document).</summary>
public static class ToolInfo
{
    /// <summary>The command name.</summary>
    public const string Name = "iptables-policy";

    /// <summary>Where to read about the tool (the repository, as <c>Directory.Build.props</c> names it).</summary>
    public const string InformationUri = "https://github.com/iptables-policy/iptables-policy";

    /// <summary>The version, <c>major.minor.patch</c>, without build metadata, so every build of a release writes the same bytes.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        // The SDK appends "+<commit>" (SourceLink): build metadata, not part of the version a user installs.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
