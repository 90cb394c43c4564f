using System.Text.Encodings.Web;
using System.Text.Json;

namespace IptablesPolicy.Reporting;

/// <summary>The one JSON layout every writer uses: indented with <c>\n</c> on every platform, readable characters.</summary>
internal static class JsonOutput
{
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        // Messages carry '<', '>', '&' and '+' (rule text); escaping them for HTML only makes files harder to read.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
