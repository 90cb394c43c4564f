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
        var command = new Command("list-policies", "List the policies that would run: id, severity, category, whether enabled by default, title and file.")
        {
            format,
        };
        policies.AddTo(command);
        command.SetAction(result =>
        {
            var (sources, allFound) = policies.Sources(result, error);
            var engine = new PolicyEngine(policies.EngineOptionsFor(result, new RunOptions()));
            var set = engine.Load(sources);
            if (result.GetValue(format) == "json")
            {
                output.Text.Flush();
                PolicyListWriter.WriteJson(set, output.Stream);
            }
            else
            {
                PolicyListWriter.WriteText(set, output.Text);
            }
            foreach (var fault in set.Faults)
                error.WriteLine(fault.ToString());
            return set.Faults.Count > 0 || !allFound ? ExitCodes.Incomplete : ExitCodes.Success;
        });
        return command;
    }
}
