using IptablesPolicy.Engine.Results;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>
/// Finds every use of a <see cref="RestrictedApis">restricted API</see> in a compiled policy (and the scripts it
/// loads) by binding each name to its symbol, so <c>using static</c>, aliases and <c>var</c> do not hide a call.
/// </summary>
internal static class RestrictedApiChecker
{
    public static void Check(Microsoft.CodeAnalysis.Compilation compilation, string policyPath, List<CompileProblem> problems)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            // One fault per line is enough to name the call; `new Thread(...).Start()` is one use, not two.
            var reportedLines = new HashSet<int>();
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                // A using directive does nothing by itself, and `var` only names the type of what a call returned.
                if (name.IsVar || name.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
                    continue;
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                if (symbol is null || RestrictedApis.ReasonFor(symbol) is not { } reason)
                    continue;
                // `File.ReadAllText(...)`: report the call once, naming the member, not also the type before the dot.
                var reportAt = OutermostRestricted(name, model) ?? name;
                if (!reportedLines.Add(reportAt.GetLocation().GetMappedLineSpan().StartLinePosition.Line))
                    continue;
                var reportedSymbol = model.GetSymbolInfo(reportAt).Symbol ?? symbol;
                problems.Add(new CompileProblem(FaultKind.RestrictedApi, Spans.Of(reportAt, policyPath),
                    $"'{Describe(reportedSymbol)}' is not allowed in a policy ({reason}); policies may not touch the file system, processes, the network, the console or reflection (--allow-unrestricted-policies lifts this)"));
            }
        }
    }

    private static SimpleNameSyntax? OutermostRestricted(SimpleNameSyntax name, SemanticModel model)
    {
        SimpleNameSyntax? outermost = null;
        ExpressionSyntax current = name.Parent is MemberAccessExpressionSyntax own && own.Name == name ? own : name;
        while (current.Parent is MemberAccessExpressionSyntax outer && outer.Expression == current)
        {
            if (model.GetSymbolInfo(outer.Name).Symbol is not { } symbol || RestrictedApis.ReasonFor(symbol) is null)
                break;
            outermost = outer.Name;
            current = outer;
        }
        return outermost;
    }

    private static string Describe(ISymbol symbol) =>
        symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
