using System.Collections.ObjectModel;

namespace IptablesPolicy.Sdk;

/// <summary>
/// One finding a policy reports: which descriptor, where, the message filled with its arguments, related
/// places and free-form properties. Create it with <see cref="Create(PolicyDescriptor, PolicyLocation, object?[])"/>
/// or let <see cref="PolicyContext.Report(PolicyDescriptor, PolicyLocation, object?[])"/> do it.
/// </summary>
public sealed class Diagnostic
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = ReadOnlyDictionary<string, string>.Empty;

    private Diagnostic(PolicyDescriptor descriptor, PolicyLocation location, IReadOnlyList<RelatedLocation> related,
        IReadOnlyDictionary<string, string> properties, IReadOnlyList<object?> arguments, string? message = null)
    {
        Descriptor = descriptor;
        Location = location;
        RelatedLocations = related;
        Properties = properties;
        Arguments = arguments;
        Message = message ?? descriptor.FormatMessage(arguments);
    }

    /// <summary>The descriptor reported.</summary>
    public PolicyDescriptor Descriptor { get; }

    /// <summary>The descriptor's id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Where the finding is.</summary>
    public PolicyLocation Location { get; }

    /// <summary>Further places that explain it, in the order given.</summary>
    public IReadOnlyList<RelatedLocation> RelatedLocations { get; }

    /// <summary>Free-form properties (SARIF result <c>properties</c>), for tools that post-process findings.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>The message arguments, as given.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>The message: the descriptor's format filled with the arguments.</summary>
    public string Message { get; }

    /// <summary>Creates a finding at a location.</summary>
    /// <exception cref="FormatException">The message format needs more arguments than were given.</exception>
    public static Diagnostic Create(PolicyDescriptor descriptor, PolicyLocation location, params object?[] messageArgs) =>
        Create(descriptor, location, relatedLocations: null, properties: null, messageArgs);

    /// <summary>Creates a finding with related locations and properties.</summary>
    /// <exception cref="FormatException">The message format needs more arguments than were given.</exception>
    public static Diagnostic Create(
        PolicyDescriptor descriptor,
        PolicyLocation location,
        IEnumerable<RelatedLocation>? relatedLocations,
        IReadOnlyDictionary<string, string>? properties,
        params object?[] messageArgs)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(location);
        var sortedProperties = properties is null || properties.Count == 0
            ? NoProperties
            : new ReadOnlyDictionary<string, string>(new SortedDictionary<string, string>(properties.ToDictionary(), StringComparer.Ordinal));
        return new Diagnostic(
            descriptor,
            location,
            (relatedLocations ?? []).ToArray().AsReadOnly(),
            sortedProperties,
            (messageArgs ?? []).ToArray().AsReadOnly());
    }

    internal static Diagnostic CreateWithMessage(PolicyDescriptor descriptor, PolicyLocation location, string message)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new Diagnostic(descriptor, location, [], NoProperties, [message], message);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Location.Span}: {Descriptor.DefaultSeverity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
