using System.Globalization;
using System.Text.RegularExpressions;

namespace IptablesPolicy.Sdk;

/// <summary>
/// What a policy reports, declared once like Roslyn's <c>DiagnosticDescriptor</c>: an id, a title, a message
/// format and how serious it is. Declare descriptors with <c>new PolicyDescriptor(...)</c> and constant
/// arguments: the tool reads them from the compiled script without running it (<c>list-policies</c>, SARIF
/// rules), so a descriptor built from values known only at run time is a compile-time error.
/// </summary>
public sealed partial class PolicyDescriptor : IEquatable<PolicyDescriptor>
{
    /// <summary>Declares a descriptor.</summary>
    /// <param name="id">A stable id such as <c>IPT1102</c> or <c>ACME001</c>: letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter.</param>
    /// <param name="title">A short title (SARIF <c>shortDescription</c>).</param>
    /// <param name="messageFormat">The message, a composite format string (<c>{0}</c>, <c>{1}</c>...) filled with the arguments given to <c>Report</c>.</param>
    /// <param name="category">A category such as <c>Kubernetes</c>, <c>Security</c>, <c>Hygiene</c>.</param>
    /// <param name="defaultSeverity">How serious a finding is unless configuration says otherwise.</param>
    /// <param name="isEnabledByDefault">False for opt-in policies, which run only when enabled.</param>
    /// <param name="description">A longer description (SARIF <c>fullDescription</c>); the title when null.</param>
    /// <param name="helpMarkdown">Help in Markdown: what it checks, why, how to fix and how to suppress. When null,
    /// the tool reads <c>ID.md</c> next to the policy file.</param>
    /// <param name="helpUri">A link to more help.</param>
    /// <param name="tags">Tags such as <c>security</c> or <c>kubernetes</c>.</param>
    public PolicyDescriptor(
        string id,
        string title,
        string messageFormat,
        string category,
        Severity defaultSeverity,
        bool isEnabledByDefault = true,
        string? description = null,
        string? helpMarkdown = null,
        string? helpUri = null,
        string[]? tags = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(messageFormat);
        ArgumentNullException.ThrowIfNull(category);
        if (!IsValidId(id))
            throw new ArgumentException($"'{id}' is not a valid policy id: expected a letter followed by letters, digits, '-', '_' or '.'", nameof(id));
        if (!Enum.IsDefined(defaultSeverity))
            throw new ArgumentOutOfRangeException(nameof(defaultSeverity), defaultSeverity, "expected Note, Warning or Error");
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        Description = description;
        HelpMarkdown = helpMarkdown;
        HelpUri = helpUri;
        Tags = (tags ?? []).ToArray().AsReadOnly();
    }

    /// <summary>The policy id, unique across every loaded policy.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The message format, filled with the arguments given to <c>Report</c>.</summary>
    public string MessageFormat { get; }

    /// <summary>The category.</summary>
    public string Category { get; }

    /// <summary>How serious a finding is unless configuration says otherwise.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>Whether the policy runs unless configuration turns it off.</summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>The longer description; null when the title says it all.</summary>
    public string? Description { get; }

    /// <summary>Help text in Markdown; null when none was given.</summary>
    public string? HelpMarkdown { get; }

    /// <summary>A link to more help; null when none.</summary>
    public string? HelpUri { get; }

    /// <summary>The tags, in the order given.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Fills <see cref="MessageFormat"/> with <paramref name="arguments"/> (invariant culture).</summary>
    /// <exception cref="FormatException">The format asks for more arguments than were given.</exception>
    public string FormatMessage(IReadOnlyList<object?> arguments) =>
        arguments.Count == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments.ToArray());

    /// <summary>Returns a copy with help text, for the tool to attach help read from a file.</summary>
    public PolicyDescriptor WithHelp(string? helpMarkdown) =>
        new(Id, Title, MessageFormat, Category, DefaultSeverity, IsEnabledByDefault, Description, helpMarkdown, HelpUri, Tags.ToArray());

    /// <summary>Whether <paramref name="id"/> is a valid policy id.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <inheritdoc/>
    public bool Equals(PolicyDescriptor? other) =>
        other is not null
        && Id == other.Id && Title == other.Title && MessageFormat == other.MessageFormat && Category == other.Category
        && DefaultSeverity == other.DefaultSeverity && IsEnabledByDefault == other.IsEnabledByDefault
        && Description == other.Description && HelpMarkdown == other.HelpMarkdown && HelpUri == other.HelpUri
        && Tags.SequenceEqual(other.Tags);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PolicyDescriptor);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Title, MessageFormat);

    /// <inheritdoc/>
    public override string ToString() => $"{Id}: {Title}";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]*$")]
    private static partial Regex IdPattern();
}
