using System.CommandLine;
using IptablesPolicy.Cli.Commands;

namespace IptablesPolicy.Cli;

/// <summary>The <c>iptables-policy</c> tool's entry point.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        return Run(args, stdout, Console.Error);
    }

    /// <summary>
    /// Runs the tool with the given arguments; tests call this in process. Output goes to a stream so
    /// large JSON documents are written as UTF-8 without passing through a string.
    /// </summary>
    public static int Run(string[] args, Stream stdout, TextWriter error)
    {
        using var output = new StreamWriter(stdout, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        var exitCode = Run(args, new CommandOutput(output, stdout), error);
        output.Flush();
        return exitCode;
    }

    private static int Run(string[] args, CommandOutput output, TextWriter error)
    {
        var root = new RootCommand("Policy-as-code analyzer for iptables rulesets: runs C# policy scripts over iptables-save, iptables -S, iptables -L listings and command scripts.");
        root.Subcommands.Add(CheckCommand.Create(output, error));
        root.Subcommands.Add(ListPoliciesCommand.Create(output, error));
        root.Subcommands.Add(ShowCommand.Create(output, error));
        root.Subcommands.Add(TestCommand.Create(output, error));
        // Our own last resort instead of System.CommandLine's, which prints the stack trace.
        var configuration = new InvocationConfiguration { Output = output.Text, Error = error, EnableDefaultExceptionHandler = false };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
                error.WriteLine($"iptables-policy: {parseError.Message}");
            error.WriteLine("Run 'iptables-policy --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return result.Invoke(configuration);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Every expected problem is reported where it happens; this is a bug, said in one line.
            output.Text.Flush();
            error.WriteLine($"iptables-policy: internal error: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim()} (please report it with the command line)");
            return ExitCodes.InternalError;
        }
    }
}
