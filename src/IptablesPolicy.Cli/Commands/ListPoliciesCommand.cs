using System.CommandLine;
using System.Text.Json;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Running;
using IptablesPolicy.Reporting;

namespace IptablesPolicy.Cli.Commands;

/// <summary><c>iptables-policy list-policies [--format json]</c>: every descriptor the policies declare, read without running them.</summary>
internal static class ListPoliciesCommand
{
    public static Command Create(CommandOutput output, TextWriter error)
    {
        var policies = new PolicyOptions();
        var format = new Option<string>("--format")
        {
            Description = "text: one line per policy id; json: every descriptor field, help included.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var configurationOptions = new ConfigurationOptions();
        var command = new Command("list-policies", "List the policies that would run: id, the severity each runs at, category, title and file.")
        {
            format,
            configurationOptions.Config,
        };
        policies.AddTo(command);
        command.SetAction(result =>
        {
            // The same configuration as check, so the list shows what check would run and at what severity.
            if (configurationOptions.Load(result, error) is not { } configuration)
                return ExitCodes.Configuration;
            var (sources, allFound) = policies.Sources(result, error, configuration);
            var engine = new PolicyEngine(policies.EngineOptionsFor(result, new RunOptions()));
            var set = engine.Load(sources);
            if (result.GetValue(format) == "json")
            {
                output.Text.Flush();
                PolicyListWriter.WriteJson(set, output.Stream, configuration.SeverityOf);
            }
            else
            {
                PolicyListWriter.WriteText(set, output.Text, configuration.SeverityOf, configuration.Path is { } path ? Path.GetFileName(path) : null);
            }
            foreach (var fault in set.Faults)
                error.WriteLine(fault.ToString());
            return set.Faults.Count > 0 || !allFound ? ExitCodes.Incomplete : ExitCodes.Success;
        });
        return command;
    }
}
