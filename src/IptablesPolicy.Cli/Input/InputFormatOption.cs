using System.CommandLine;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Cli.Input;

/// <summary><c>--input-format</c>: read every snapshot file as one format instead of detecting it.</summary>
internal static class InputFormatOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--input-format")
        {
            Description = "Read every file as this format instead of detecting it: save, save-fragment, rule-specs, commands, listing. Without it, text that mixes prose, prompts and several listings or save fragments (notes, a terminal session) is split into one snapshot per block.",
        };
        option.AcceptOnlyFromAmong("save", "save-fragment", "rule-specs", "commands", "listing");
        return option;
    }

    public static SnapshotFormat? Parse(string? name) => name switch
    {
        "save" => SnapshotFormat.Save,
        "save-fragment" => SnapshotFormat.SaveFragment,
        "rule-specs" => SnapshotFormat.RuleSpecs,
        "commands" => SnapshotFormat.Commands,
        "listing" => SnapshotFormat.Listing,
        _ => null,
    };
}
