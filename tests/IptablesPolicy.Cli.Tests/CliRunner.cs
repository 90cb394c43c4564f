namespace IptablesPolicy.Cli.Tests;

/// <summary>Runs the tool in process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var exitCode = Program.Run(args, output, error);
        return (exitCode, System.Text.Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(RepositoryRoot, "examples", "rulesets", name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IptablesPolicy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("IptablesPolicy.sln not found");
    }
}
