using System.Reflection;
using Microsoft.CodeAnalysis;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>
/// The assemblies and namespaces every policy compiles against: the base library with LINQ and collections
/// (which <c>ScriptOptions.Default</c> lacks on .NET), IP addresses, the model and the policy API. Nothing
/// else, so policies stay small and portable; <c>#r</c> is refused.
/// </summary>
internal static class CuratedReferences
{
    public static readonly IReadOnlyList<string> Imports =
    [
        "System",
        "System.Collections.Generic",
        "System.Linq",
        "System.Net",
        "System.Text",
        "IptablesPolicy.Sdk",
        "IptablesPolicy.Core.Model",
        "IptablesPolicy.Core.Model.Matches",
        "IptablesPolicy.Core.Model.Targets",
        "IptablesPolicy.Core.Views.ChainGraph",
        "IptablesPolicy.Core.Views.Effective",
        "IptablesPolicy.Core.Views.Kubernetes",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(Build);

    public static IReadOnlyList<MetadataReference> All => References.Value;

    private static IReadOnlyList<MetadataReference> Build()
    {
        Assembly[] assemblies =
        [
            typeof(object).Assembly,
            Assembly.Load("System.Runtime"),
            Assembly.Load("netstandard"),
            typeof(Enumerable).Assembly,
            typeof(SortedSet<>).Assembly,
            typeof(System.Collections.Immutable.ImmutableArray).Assembly,
            typeof(System.Text.RegularExpressions.Regex).Assembly,
            typeof(System.Net.IPAddress).Assembly,
            typeof(System.Numerics.BigInteger).Assembly,
            // Referenced only so that a policy calling them gets the restricted-API message rather than "type not found".
            typeof(Console).Assembly,
            typeof(System.Diagnostics.Process).Assembly,
            typeof(System.ComponentModel.Component).Assembly,
            typeof(System.Net.Http.HttpClient).Assembly,
            typeof(System.Net.Sockets.Socket).Assembly,
            typeof(Core.Model.Snapshot).Assembly,
            typeof(Sdk.PolicyContext).Assembly,
        ];
        return assemblies.Distinct().Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToArray();
    }
}
