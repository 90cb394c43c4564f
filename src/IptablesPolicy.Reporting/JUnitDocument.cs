using System.Globalization;
using System.Text;
using System.Xml;

namespace IptablesPolicy.Reporting;

/// <summary>What a JUnit test case came to.</summary>
public enum JUnitOutcome
{
    /// <summary>Passed: no child element.</summary>
    Passed,

    /// <summary>A <c>failure</c> element.</summary>
    Failure,

    /// <summary>An <c>error</c> element.</summary>
    Error,

    /// <summary>A <c>skipped</c> element.</summary>
    Skipped,
}

/// <summary>One test case: its name, class name, outcome, and for anything but a pass the message, type and text.</summary>
public sealed record JUnitCase(string Name, string ClassName, JUnitOutcome Outcome, string? Message = null, string? Type = null, string? Text = null);

/// <summary>One test suite: its name, package, properties and cases.</summary>
public sealed record JUnitSuite(string Name, string Package, IReadOnlyList<KeyValuePair<string, string>> Properties, IReadOnlyList<JUnitCase> Cases);

/// <summary>
/// Writes JUnit XML in the Ant schema that Jenkins, GitLab, Azure DevOps and GitHub test reporters read, for both
/// <c>check</c> and <c>test</c>. The schema requires a timestamp and a host name: they are fixed
/// (<c>1970-01-01T00:00:00</c>, <c>iptables-policy</c>) and times are 0, so the same input gives the same bytes.
/// </summary>
public static class JUnitDocument
{
    private const string Timestamp = "1970-01-01T00:00:00";

    /// <summary>Writes <paramref name="suites"/>, in the order given, to <paramref name="output"/> as UTF-8.</summary>
    public static void Write(IEnumerable<JUnitSuite> suites, Stream output)
    {
        ArgumentNullException.ThrowIfNull(suites);
        ArgumentNullException.ThrowIfNull(output);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        var id = 0;
        foreach (var suite in suites)
            WriteSuite(xml, suite, id++);
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteSuite(XmlWriter xml, JUnitSuite suite, int id)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(suite.Name));
        xml.WriteAttributeString("package", Clean(suite.Package));
        xml.WriteAttributeString("id", Count(id));
        xml.WriteAttributeString("timestamp", Timestamp);
        xml.WriteAttributeString("hostname", ToolInfo.Name);
        xml.WriteAttributeString("tests", Count(suite.Cases.Count));
        xml.WriteAttributeString("failures", Count(suite.Cases.Count(c => c.Outcome == JUnitOutcome.Failure)));
        xml.WriteAttributeString("errors", Count(suite.Cases.Count(c => c.Outcome == JUnitOutcome.Error)));
        xml.WriteAttributeString("skipped", Count(suite.Cases.Count(c => c.Outcome == JUnitOutcome.Skipped)));
        xml.WriteAttributeString("time", "0");
        xml.WriteStartElement("properties");
        foreach (var (name, value) in suite.Properties)
        {
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("value", Clean(value));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        foreach (var testCase in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", Clean(testCase.Name));
            xml.WriteAttributeString("classname", Clean(testCase.ClassName));
            xml.WriteAttributeString("time", "0");
            if (testCase.Outcome != JUnitOutcome.Passed)
            {
                xml.WriteStartElement(testCase.Outcome.ToString().ToLowerInvariant());
                if (testCase.Message is not null)
                    xml.WriteAttributeString("message", Clean(testCase.Message));
                if (testCase.Type is not null)
                    xml.WriteAttributeString("type", Clean(testCase.Type));
                if (testCase.Text is not null)
                    xml.WriteString(Clean(testCase.Text));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteElementString("system-out", "");
        xml.WriteElementString("system-err", "");
        xml.WriteEndElement();
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters, even escaped: they become U+FFFD.</summary>
    private static string Clean(string text) =>
        text.All(XmlConvert.IsXmlChar) ? text : new string(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD').ToArray());
}
