using System.IO.Pipes;
using System.Text;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Rendering;
using IptablesPolicy.TestData.KubeProxy;
using IptablesPolicy.TestInfrastructure;

namespace IptablesPolicy.Core.Tests.Parsing;

/// <summary>
/// A regular file is read in blocks, once per pass, instead of being held whole: what it gives must be
/// exactly what the same text gives, including where the blocks end in the middle of a line or of a
/// character, and the problems of the text itself must keep their line and column.
/// </summary>
[TestFixture]
public sealed class FileInputTests
{
    private const string Good = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n";

    private static readonly string Work = Path.Combine(Path.GetTempPath(), $"iptables-policy-file-input-{Environment.ProcessId}");

    [OneTimeSetUp]
    public void CreateFolder() => Directory.CreateDirectory(Work);

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(Work, recursive: true);

    private static IEnumerable<TestCaseData> Texts()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Examples, "rulesets")).Order(StringComparer.Ordinal))
            yield return new TestCaseData(Path.GetFileName(file), File.ReadAllText(file)).SetArgDisplayNames(Path.GetFileName(file));
        // Several blocks, with comments holding multi-byte characters wherever a block happens to end.
        var generated = KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 1500 })
            .Replace("cluster IP\"", "cluster IP é—ü\"", StringComparison.Ordinal);
        yield return new TestCaseData("generated 1500 services", generated).SetArgDisplayNames("generated");
        yield return new TestCaseData("no final line end", Good + "COMMIT").SetArgDisplayNames("no-final-newline");
        yield return new TestCaseData("one megabyte line", Good + "-A INPUT " + new string('x', 1 << 20) + "\n-A INPUT -j DROP\nCOMMIT\n").SetArgDisplayNames("huge-line");
    }

    [TestCaseSource(nameof(Texts))]
    public void A_file_reads_as_its_text_does(string name, string text)
    {
        var path = Write(name, Encoding.UTF8.GetBytes(text));

        Json(SnapshotReader.ReadFile(path)).ShouldBe(Json(SnapshotReader.ReadText(text, path)), name);
    }

    [Test]
    public void Crlf_in_a_later_block_is_reported_at_its_own_line_and_column()
    {
        var lines = KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 300 }).Split('\n');
        var crlfLine = lines.Length - 3;
        lines[crlfLine - 1] += "\r";
        var path = Write("crlf", Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var warning = SnapshotReader.ReadFile(path).Single().Diagnostics.ShouldHaveSingleItem();

        warning.Message.ShouldContain("CRLF");
        warning.Span.Line.ShouldBe(crlfLine);
        warning.Span.StartColumn.ShouldBe(lines[crlfLine - 1].Length);
    }

    [Test]
    public void A_byte_order_mark_is_skipped()
    {
        var path = Write("bom", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Good + "COMMIT\n")]);

        var snapshot = SnapshotReader.ReadFile(path).Single();

        snapshot.Diagnostics.ShouldBeEmpty();
        snapshot.Rules.Single().Span.ShouldBe(new SourceSpan(path, 3, 1, 44));
    }

    [Test]
    public void Invalid_utf8_in_a_later_block_is_still_reported_at_its_line()
    {
        var text = KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 300 });
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = bytes.Length - 20;
        bytes[at] = 0xFF;
        var path = Write("invalid", bytes);

        var error = SnapshotReader.ReadFile(path).Single().Diagnostics.First(d => d.Message.Contains("invalid UTF-8"));

        error.Span.Line.ShouldBe(bytes.AsSpan(0, at).Count((byte)'\n') + 1);
    }

    [Test]
    public void A_pipe_is_read_once_and_whole()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Ignore("opens the pipe's read end through /proc/self/fd, which only Linux has");
        // Bigger than a pipe's buffer, so the writer is still writing while the reader reads.
        var text = KubeProxyRuleset.Generate(new KubeProxyRulesetOptions { Services = 300 });
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        var path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";
        var writer = Task.Run(() =>
        {
            pipe.Write(Encoding.UTF8.GetBytes(text));
            pipe.Dispose();
        });

        var read = SnapshotReader.ReadFile(path);
        writer.Wait();

        Json(read).ShouldBe(Json(SnapshotReader.ReadText(text, path)));
    }

    private static string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Work, string.Concat(name.Split(Path.GetInvalidFileNameChars())).Replace(' ', '-') + ".v4");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Json(IReadOnlyList<Snapshot> snapshots)
    {
        using var stream = new MemoryStream();
        SnapshotJsonWriter.Write(snapshots, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
