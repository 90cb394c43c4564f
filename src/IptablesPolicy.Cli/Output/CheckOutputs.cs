using IptablesPolicy.Engine.Results;
using IptablesPolicy.Reporting;

namespace IptablesPolicy.Cli.Output;

/// <summary>
/// Writes a check's result everywhere the command line asked, in one run: the console in <see cref="Format"/>,
/// and the SARIF, JUnit and JSON files. SARIF is written first, so the text output can say what it left out.
/// </summary>
/// <param name="Format">The console format, one of <see cref="Formats"/>.</param>
/// <param name="SarifFile">Where to write SARIF, or null.</param>
/// <param name="JUnitFile">Where to write JUnit XML, or null.</param>
/// <param name="JsonFile">Where to write the JSON document, or null.</param>
/// <param name="Options">Paths, category and limits.</param>
internal sealed record CheckOutputs(string Format, string? SarifFile, string? JUnitFile, string? JsonFile, ReportOptions Options)
{
    public static readonly string[] Formats = ["text", "json", "sarif", "junit", "github"];

    /// <summary>Writes every output; false when a file could not be written (said on <paramref name="error"/>).</summary>
    /// <param name="result">The check.</param>
    /// <param name="severityOf">The run's severities (null = disabled), as the engine ran with them.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="environment">Reads an environment variable (<c>GITHUB_STEP_SUMMARY</c>).</param>
    public bool Write(CheckResult result, Func<Sdk.PolicyDescriptor, Sdk.Severity?> severityOf, CommandOutput output, TextWriter error, Func<string, string?> environment)
    {
        var options = Options with { SeverityOf = severityOf };
        var notes = new List<string>();
        var written = true;
        if (SarifFile is not null)
            written &= WriteFile(SarifFile, error, stream => Note(notes, SarifWriter.Write(result, options, stream), $"SARIF file {SarifFile}"));
        if (JUnitFile is not null)
            written &= WriteFile(JUnitFile, error, stream => JUnitWriter.Write(result, options, stream));
        if (JsonFile is not null)
            written &= WriteFile(JsonFile, error, stream => CheckJsonWriter.Write(result, stream));

        output.Text.Flush();
        switch (Format)
        {
            case "json":
                CheckJsonWriter.Write(result, output.Stream);
                break;
            case "sarif":
                Note(notes, SarifWriter.Write(result, options, output.Stream), "SARIF output");
                break;
            case "junit":
                JUnitWriter.Write(result, options, output.Stream);
                break;
            case "github":
                Note(notes, GitHubAnnotationsWriter.Write(result, options, output.Text), "annotations");
                // A plain line is shown as is in the job log: the run's totals under its annotations.
                output.Text.WriteLine(TextReport.Summary(result));
                written &= AppendStepSummary(result, options, error, environment("GITHUB_STEP_SUMMARY"));
                break;
            default:
                TextReport.Write(result, output.Text, notes);
                return written;
        }
        // Standard output holds a document: what was left out goes where people look instead.
        foreach (var note in notes)
            error.WriteLine($"iptables-policy: {note}");
        return written;
    }

    private static void Note(List<string> notes, ResultSelection selection, string what)
    {
        if (selection.IsCut)
            notes.Add(selection.Describe(what));
    }

    private static bool AppendStepSummary(CheckResult result, ReportOptions options, TextWriter error, string? path)
    {
        if (string.IsNullOrEmpty(path))
            return true;
        try
        {
            using var summary = new StreamWriter(path, append: true, new System.Text.UTF8Encoding(false));
            GitHubStepSummaryWriter.Write(result, options, summary);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"iptables-policy: cannot append to GITHUB_STEP_SUMMARY {path}: {e.Message}");
            return false;
        }
    }

    private static bool WriteFile(string path, TextWriter error, Action<Stream> write)
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
                Directory.CreateDirectory(directory);
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
            write(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"iptables-policy: cannot write {path}: {e.Message}");
            return false;
        }
    }
}
