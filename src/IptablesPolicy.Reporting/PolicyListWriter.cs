using System.Text.Json;
using IptablesPolicy.Engine;

namespace IptablesPolicy.Reporting;

/// <summary>What <c>list-policies</c> prints: the descriptors of the loaded policies, sorted by id.</summary>
public static class PolicyListWriter
{
    /// <summary>One aligned line per descriptor: id, severity, category, <c>disabled</c> when off by default, title, file.</summary>
    public static void WriteText(PolicySet policies, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(output);
        var rows = (from policy in policies.Policies
                    from descriptor in policy.Descriptors
                    orderby descriptor.Id
                    select (descriptor, policy)).ToArray();
        var idWidth = rows.Length == 0 ? 0 : rows.Max(r => r.descriptor.Id.Length);
        var categoryWidth = rows.Length == 0 ? 0 : rows.Max(r => r.descriptor.Category.Length);
        foreach (var (descriptor, policy) in rows)
        {
            var enabled = descriptor.IsEnabledByDefault ? "" : " (disabled by default)";
            output.WriteLine($"{descriptor.Id.PadRight(idWidth)}  {TextReport.SeverityName(descriptor.DefaultSeverity),-7}  {descriptor.Category.PadRight(categoryWidth)}  {descriptor.Title}{enabled}  [{policy.Source.DisplayPath}]");
        }
        output.WriteLine($"{rows.Length} {(rows.Length == 1 ? "policy" : "policies")}");
    }

    /// <summary>A JSON document <c>{"policies": [...]}</c> with every descriptor field.</summary>
    public static void WriteJson(PolicySet policies, Stream output)
    {
        ArgumentNullException.ThrowIfNull(policies);
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
