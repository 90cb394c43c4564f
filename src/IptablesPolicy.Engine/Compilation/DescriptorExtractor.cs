using IptablesPolicy.Engine.Results;
using IptablesPolicy.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>
/// Reads the descriptors a policy declares from its compiled code, without running it: every
/// <c>new PolicyDescriptor(...)</c> whose arguments are constants. That is what lets <c>list-policies</c> and
/// SARIF describe policies that never ran, and why a descriptor built from run-time values is an error.
/// </summary>
internal static class DescriptorExtractor
{
    public static IReadOnlyList<PolicyDescriptor> Extract(Microsoft.CodeAnalysis.Compilation compilation, string policyPath, List<CompileProblem> problems)
    {
        var descriptorType = compilation.GetTypeByMetadataName(typeof(PolicyDescriptor).FullName!);
        var found = new List<PolicyDescriptor>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var creation in tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (model.GetOperation(creation) is not IObjectCreationOperation operation
                    || !SymbolEqualityComparer.Default.Equals(operation.Type, descriptorType))
                    continue;
                var descriptor = Read(operation, policyPath, problems);
                if (descriptor is null)
                    continue;
                var same = found.FirstOrDefault(d => d.Id == descriptor.Id);
                if (same is null)
                    found.Add(descriptor);
                else if (!same.Equals(descriptor))
                    problems.Add(new CompileProblem(FaultKind.InvalidDescriptor, Spans.Of(creation, policyPath), $"descriptor '{descriptor.Id}' is declared twice with different values"));
            }
        }
        return found;
    }

    private static PolicyDescriptor? Read(IObjectCreationOperation creation, string policyPath, List<CompileProblem> problems)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var ok = true;
        foreach (var argument in creation.Arguments)
        {
            var name = argument.Parameter?.Name ?? "?";
            if (TryConstant(argument.Value, out var value))
            {
                values[name] = value;
                continue;
            }
            ok = false;
            problems.Add(new CompileProblem(FaultKind.InvalidDescriptor, Spans.Of(argument.Syntax, policyPath),
                $"the descriptor's '{name}' must be a constant (a literal, a const or an array of them) so the tool can read it without running the policy"));
        }
        if (!ok)
            return null;
        try
        {
            return new PolicyDescriptor(
                (string)values["id"]!,
                (string)values["title"]!,
                (string)values["messageFormat"]!,
                (string)values["category"]!,
                (Severity)Convert.ToInt32(values["defaultSeverity"], System.Globalization.CultureInfo.InvariantCulture),
                values.GetValueOrDefault("isEnabledByDefault") as bool? ?? true,
                values.GetValueOrDefault("description") as string,
                values.GetValueOrDefault("helpMarkdown") as string,
                values.GetValueOrDefault("helpUri") as string,
                values.GetValueOrDefault("tags") as string[]);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or KeyNotFoundException or NullReferenceException)
        {
            problems.Add(new CompileProblem(FaultKind.InvalidDescriptor, Spans.Of(creation.Syntax, policyPath), $"invalid descriptor: {FirstLine(e.Message)}"));
            return null;
        }
    }

    private static bool TryConstant(IOperation value, out object? constant)
    {
        while (value is IConversionOperation conversion && !value.ConstantValue.HasValue)
            value = conversion.Operand;
        if (value.ConstantValue.HasValue)
        {
            constant = value.ConstantValue.Value;
            return true;
        }
        IEnumerable<IOperation>? elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => null,
        };
        constant = null;
        if (elements is null)
            return false;
        var strings = new List<string>();
        foreach (var element in elements)
        {
            if (!TryConstant(element, out var item) || item is not string text)
                return false;
            strings.Add(text);
        }
        constant = strings.ToArray();
        return true;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
