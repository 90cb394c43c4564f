using System.CommandLine;
using IptablesPolicy.Cli.Commands;

namespace IptablesPolicy.Cli;

/// <summary>The <c>iptables-policy</c> tool's entry point.</summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool with the given arguments and writers; tests call this in process.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Policy-as-code analyzer for iptables rulesets: reads iptables-save, iptables -S and iptables command scripts.");
        root.Subcommands.Add(ShowCommand.Create(output, error));
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
                error.WriteLine($"iptables-policy: {parseError.Message}");
            error.WriteLine("Run 'iptables-policy --help' for usage.");
            return ExitCodes.Usage;
        }
        return result.Invoke(configuration);
    }
}
