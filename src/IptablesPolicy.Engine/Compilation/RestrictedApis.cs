using Microsoft.CodeAnalysis;

namespace IptablesPolicy.Engine.Compilation;

/// <summary>
/// The APIs a policy may not call unless <c>--allow-unrestricted-policies</c> is given: the file system,
/// processes, the network, the console, the environment, threads and reflection. A guard against accidents
/// and careless copy-paste, not a sandbox: .NET has no in-process sandbox, so the real boundary is which
/// branch the policies come from (README, "Running policies safely").
/// </summary>
internal static class RestrictedApis
{
    private static readonly (string Namespace, string Reason)[] Namespaces =
    [
        ("System.IO", "file system access"),
        ("System.Net", "network access"),
        ("System.Reflection", "reflection"),
        ("System.Runtime.Loader", "loading code"),
        ("System.Runtime.InteropServices", "native code"),
        ("System.Diagnostics", "processes and diagnostics"),
        ("Microsoft.Win32", "the registry"),
    ];

    // Types inside those namespaces that touch nothing outside the process.
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "System.IO.Path", "System.IO.StringReader", "System.IO.StringWriter", "System.IO.TextReader", "System.IO.TextWriter",
        "System.IO.MemoryStream", "System.IO.Stream", "System.IO.SeekOrigin", "System.IO.IOException", "System.IO.InvalidDataException",
        "System.Net.IPAddress", "System.Net.IPNetwork", "System.Net.IPEndPoint", "System.Net.Sockets.AddressFamily",
        "System.Diagnostics.Debug", "System.Diagnostics.Stopwatch", "System.Diagnostics.CodeAnalysis.NotNullWhenAttribute",
        "System.Diagnostics.CodeAnalysis.MaybeNullWhenAttribute", "System.Diagnostics.CodeAnalysis.NotNullAttribute",
        "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute", "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute",
        "System.Diagnostics.CodeAnalysis.StringSyntaxAttribute", "System.Diagnostics.CodeAnalysis.NotNullIfNotNullAttribute",
    };

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["System.Console"] = "the console (report findings with Report)",
        ["System.Environment"] = "the process environment",
        ["System.AppDomain"] = "the process",
        ["System.Activator"] = "reflection",
        ["System.GC"] = "the garbage collector",
        ["System.Threading.Thread"] = "threads (a policy runs on its own thread under a timeout)",
        ["System.Threading.ThreadPool"] = "threads (a policy runs on its own thread under a timeout)",
        ["System.Runtime.CompilerServices.Unsafe"] = "unsafe memory access",
    };

    private static readonly HashSet<string> ReflectingTypeMembers = new(StringComparer.Ordinal)
    {
        "GetType", "GetMethod", "GetMethods", "GetField", "GetFields", "GetProperty", "GetProperties", "GetMember", "GetMembers",
        "GetConstructor", "GetConstructors", "GetEvent", "GetEvents", "GetNestedType", "GetNestedTypes", "InvokeMember",
        "GetInterface", "GetInterfaces", "GetDefaultMembers", "GetTypeFromHandle", "GetTypeFromProgID", "GetTypeFromCLSID",
        "Assembly", "Module", "TypeHandle", "MakeGenericType", "MakeArrayType", "GetRuntimeMethods",
    };

    /// <summary>Why <paramref name="symbol"/> is restricted; null when a policy may use it.</summary>
    public static string? ReasonFor(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } extension })
            symbol = extension;
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null)
            return null;
        while (type.ContainingType is { } outer)
            type = outer;
        var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", "", StringComparison.Ordinal);
        var genericStart = typeName.IndexOf('<');
        if (genericStart >= 0)
            typeName = typeName[..genericStart];
        if (typeName == "System.Type" && symbol is not INamedTypeSymbol && ReflectingTypeMembers.Contains(symbol.Name))
            return "reflection";
        if (Types.TryGetValue(typeName, out var typeReason))
            return typeReason;
        if (AllowedTypes.Contains(typeName))
            return null;
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        foreach (var (prefix, reason) in Namespaces)
        {
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
                return reason;
        }
        return null;
    }
}
