using System.Globalization;
using System.Xml;
using IptablesPolicy.Testing.Coverage;
using IptablesPolicy.Testing.Verification;

namespace IptablesPolicy.Testing.Reporting;

/// <summary>
/// Writes fixture results as JUnit XML (the Ant schema test reporters read): one test suite per policy folder,
/// one test case per fixture with a <c>failure</c> holding the readable report, and, when coverage is required,
/// one failing case per coverage gap. Deterministic: fixed timestamp and host, zero times, sorted.
/// </summary>
public static class FixtureJUnitWriter
{
    // The schema requires a timestamp and host; fixed values keep the file byte-for-byte repeatable.
    private const string Timestamp = "1970-01-01T00:00:00";

    /// <summary>Writes the document to <paramref name="output"/>.</summary>
    public static void Write(IReadOnlyList<FixtureResult> results, IReadOnlyList<CoverageGap> gaps, Stream output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(gaps);
        var cases = results.Select(r => (Suite: SuiteOf(r.Fixture.Path), Name: r.Fixture.Path, Failure: r.Passed ? null : r.Describe()))
            .Concat(gaps.Select(g => (Suite: "coverage", Name: $"{g.Id} coverage", Failure: (string?)g.ToString())))
            .GroupBy(c => c.Suite, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), NewLineChars = "\n" };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        var id = 0;
        foreach (var suite in cases)
        {
            var list = suite.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suite.Key);
            xml.WriteAttributeString("package", "iptables-policy.test");
            xml.WriteAttributeString("id", id++.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("timestamp", Timestamp);
            xml.WriteAttributeString("hostname", "localhost");
            xml.WriteAttributeString("tests", list.Length.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", list.Count(c => c.Failure is not null).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("properties");
            xml.WriteEndElement();
            foreach (var (_, name, failure) in list)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("classname", suite.Key);
                xml.WriteAttributeString("time", "0");
                if (failure is not null)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", failure.Split('\n')[0]);
                    xml.WriteAttributeString("type", "fixture");
                    xml.WriteString(failure);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteElementString("system-out", "");
            xml.WriteElementString("system-err", "");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // policies/IPT1102/fixtures/reports.v4 -> policies/IPT1102
    private static string SuiteOf(string fixturePath)
    {
        var normalized = fixturePath.Replace('\\', '/');
        var at = normalized.LastIndexOf("/fixtures/", StringComparison.Ordinal);
        var folder = at >= 0 ? normalized[..at] : Path.GetDirectoryName(normalized)?.Replace('\\', '/');
        return string.IsNullOrEmpty(folder) ? "fixtures" : folder;
    }
}
