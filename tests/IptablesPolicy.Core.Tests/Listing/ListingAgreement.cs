using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Tests.Listing;

/// <summary>
/// Compares a listing parse with the iptables-save parse of the same ruleset on every field the listing
/// variant shows; each disagreement is added to a list, so one run shows them all.
/// </summary>
internal static class ListingAgreement
{
    /// <summary>Compares; gives how many rules were compared.</summary>
    public static int Compare(Table saved, Snapshot parsed, string variant, string output, List<string> problems)
    {
        var compared = 0;
        var verbose = variant.Contains('v');
        var exact = variant.Contains('x');
        var table = parsed.Tables.ShouldHaveSingleItem();
        table.Name.ShouldBe(saved.Name);
        var lines = output.Split('\n');
        foreach (var savedChain in saved.Chains)
        {
            var chain = table.FindChain(savedChain.Name);
            if (chain is null)
            {
                problems.Add($"{variant} {saved.Name}: chain {savedChain.Name} missing");
                continue;
            }
            chain.Policy.ShouldBe(savedChain.Policy, $"{variant} policy of {chain.Name}");
            if (chain.Rules.Count != savedChain.Rules.Count)
            {
                problems.Add($"{variant} {saved.Name} {chain.Name}: {chain.Rules.Count} rules, save has {savedChain.Rules.Count}");
                continue;
            }
            for (var i = 0; i < chain.Rules.Count; i++)
            {
                var (listed, expected) = (chain.Rules[i], savedChain.Rules[i]);
                compared++;
                var where = $"{variant} {saved.Name} '{lines.ElementAtOrDefault(listed.Span.Line - 2)?.Trim()}'";
                void Check(string field, object? actual, object? wanted)
                {
                    if (!Equals(actual?.ToString(), wanted?.ToString()))
                        problems.Add($"{where}: {field} is '{actual}', save has '{wanted}'");
                }
                Check("target", $"{listed.Target.Kind} {listed.Target.Name}", $"{expected.Target.Kind} {expected.Target.Name}");
                Check("protocol", listed.Protocol, expected.Protocol);
                Check("source", listed.Source, expected.Source);
                Check("destination", listed.Destination, expected.Destination);
                Check("fragment", listed.Fragment, expected.Fragment);
                if (verbose)
                {
                    Check("inInterface", listed.InInterface, expected.InInterface);
                    Check("outInterface", listed.OutInterface, expected.OutInterface);
                    listed.Unknown.ShouldNotContain("inInterface");
                }
                else
                    listed.Unknown.ShouldContain("inInterface");
                if (exact)
                    Check("counters", listed.Counters, expected.Counters);
                // A piece the listing cannot show in full (a hashlimit's name, a user name) is reported as a warning on its line.
                var notShown = parsed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning && d.Span.Line == listed.Span.Line);
                if (listed.Matches.Any(m => m.Name == "listing-text"))
                    problems.Add($"{where}: match text not understood: {listed.Text}");
                else if (!notShown)
                {
                    Check("matches", string.Join(' ', listed.Matches.Select(m => m.ToString())), string.Join(' ', expected.Matches.Select(m => m.ToString())));
                    Check("target options", string.Join(' ', listed.Target.Options.Select(o => o.ToString())), string.Join(' ', expected.Target.Options.Select(o => o.ToString())));
                }
            }
        }
        return compared;
    }
}
