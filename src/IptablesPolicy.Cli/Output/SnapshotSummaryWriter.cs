using System.Globalization;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;

namespace IptablesPolicy.Cli.Output;

/// <summary>The readable summary <c>show</c> prints: per snapshot its format, tables, chains with policies and rule counts, and problems.</summary>
internal static class SnapshotSummaryWriter
{
    public static void Write(IReadOnlyList<Snapshot> snapshots, TextWriter output)
    {
        foreach (var snapshot in snapshots)
        {
            var rules = snapshot.Rules.Count();
            var errors = snapshot.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = snapshot.Diagnostics.Count - errors;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{snapshot.Path}:{snapshot.StartLine}: {SnapshotJsonWriter.FormatName(snapshot.Format)}, {SnapshotJsonWriter.FamilyName(snapshot.Family)}, {Count(snapshot.Tables.Count, "table")}, {Count(snapshot.Tables.Sum(t => t.Chains.Count), "chain")}, {Count(rules, "rule")}, {Count(errors, "error")}, {Count(warnings, "warning")}"));
            if (snapshot.Producer is { } producer)
                output.WriteLine($"  written by {producer.Tool} v{producer.Version}{(producer.Backend is null ? string.Empty : $" ({producer.Backend})")}");
            if (snapshot.Unknown.Count > 0)
                output.WriteLine($"  not shown by this format: {string.Join(", ", snapshot.Unknown.Order(StringComparer.Ordinal))}");
            foreach (var table in snapshot.Tables)
            {
                output.WriteLine(table.Span is { } span ? $"  *{table.Name} (line {span.Line})" : snapshot.Unknown.Contains("table") ? $"  *{table.Name} (inferred)" : $"  *{table.Name} (from the command above it)");
                var width = table.Chains.Count == 0 ? 0 : table.Chains.Max(c => c.Name.Length);
                foreach (var chain in table.Chains)
                {
                    var policy = chain.IsBuiltIn ? $"policy {chain.Policy ?? "?"}" : "user";
                    output.WriteLine($"    {chain.Name.PadRight(width)}  {policy,-14} {Count(chain.Rules.Count, "rule")}");
                }
            }
            foreach (var diagnostic in snapshot.Diagnostics)
                output.WriteLine($"  {diagnostic}");
        }
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
