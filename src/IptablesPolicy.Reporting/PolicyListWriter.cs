using System.Text.Json;
using IptablesPolicy.Engine;
using IptablesPolicy.Engine.Configuration;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Reporting;

/// <summary>What <c>list-policies</c> prints: the descriptors of the loaded policies, sorted by id.</summary>
public static class PolicyListWriter
{
    /// <summary>
    /// One aligned line per descriptor: id, the severity it runs at (<c>off</c> when it does not run), category,
    /// title, why its severity is not its default (off by default, or changed by the configuration), file.
    /// </summary>
    /// <param name="policies">The loaded policies.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="severityOf">The severity each descriptor runs at, null for off (<see cref="PolicyConfiguration.SeverityOf"/>).</param>
    /// <param name="configurationName">The configuration file that <paramref name="severityOf"/> comes from, named where it changes a default.</param>
    public static void WriteText(PolicySet policies, TextWriter output, Func<PolicyDescriptor, Severity?> severityOf, string? configurationName = null)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(severityOf);
        var rows = (from policy in policies.Policies
                    from descriptor in policy.Descriptors
                    orderby descriptor.Id
                    select (descriptor, policy)).ToArray();
        var idWidth = rows.Length == 0 ? 0 : rows.Max(r => r.descriptor.Id.Length);
        var categoryWidth = rows.Length == 0 ? 0 : rows.Max(r => r.descriptor.Category.Length);
        foreach (var (descriptor, policy) in rows)
        {
            var severity = severityOf(descriptor);
            var shown = severity is { } runs ? TextReport.SeverityName(runs) : "off";
            output.WriteLine($"{descriptor.Id.PadRight(idWidth)}  {shown,-7}  {descriptor.Category.PadRight(categoryWidth)}  {descriptor.Title}{Why(descriptor, severity, configurationName)}  [{policy.Source.DisplayPath}]");
        }
        output.WriteLine($"{rows.Length} {(rows.Length == 1 ? "policy" : "policies")}");
    }

    private static string Why(PolicyDescriptor descriptor, Severity? severity, string? configurationName)
    {
        if (severity == PolicyConfiguration.Empty.SeverityOf(descriptor))
            return descriptor.IsEnabledByDefault ? "" : $" (disabled by default; {TextReport.SeverityName(descriptor.DefaultSeverity)} when turned on)";
        var by = configurationName is null ? "" : $" by {configurationName}";
        return severity is null
            ? $" (turned off{by})"
            : descriptor.IsEnabledByDefault
                ? $" (set{by}; {TextReport.SeverityName(descriptor.DefaultSeverity)} by default)"
                : $" (turned on{by}; disabled by default)";
    }

    /// <summary>
    /// A JSON document <c>{"policies": [...]}</c> with every descriptor field, and <c>severity</c>: the severity it
    /// runs at (by <paramref name="severityOf"/>, <see cref="PolicyConfiguration.SeverityOf"/>), null when it does not run.
    /// </summary>
    public static void WriteJson(PolicySet policies, Stream output, Func<PolicyDescriptor, Severity?> severityOf)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(severityOf);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("policies");
        foreach (var (descriptor, policy) in from p in policies.Policies from d in p.Descriptors orderby d.Id select (d, p))
        {
            json.WriteStartObject();
            json.WriteString("id", descriptor.Id);
            json.WriteString("title", descriptor.Title);
            json.WriteString("messageFormat", descriptor.MessageFormat);
            json.WriteString("category", descriptor.Category);
            json.WriteString("defaultSeverity", TextReport.SeverityName(descriptor.DefaultSeverity));
            json.WriteBoolean("enabledByDefault", descriptor.IsEnabledByDefault);
            if (severityOf(descriptor) is { } severity)
                json.WriteString("severity", TextReport.SeverityName(severity));
            else
                json.WriteNull("severity");
            json.WriteString("description", descriptor.Description);
            json.WriteString("helpUri", descriptor.HelpUri);
            json.WriteStartArray("tags");
            foreach (var tag in descriptor.Tags)
                json.WriteStringValue(tag);
            json.WriteEndArray();
            json.WriteString("help", descriptor.HelpMarkdown);
            json.WriteString("policy", policy.Source.DisplayPath);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
