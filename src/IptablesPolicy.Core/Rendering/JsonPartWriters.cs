using System.Buffers;
using System.Text.Json;

namespace IptablesPolicy.Core.Rendering;

/// <summary>
/// One buffer and JSON writer per core. Each part is written as a JSON array so the writer puts commas
/// between its elements; <see cref="CopyOut"/> copies the arrays' insides to the stream in part order.
/// </summary>
internal sealed class JsonPartWriters : IDisposable
{
    private readonly ArrayBufferWriter<byte>[] buffers;
    private readonly Utf8JsonWriter[] writers;

    public JsonPartWriters(Stream stream, int count, JsonWriterOptions options)
    {
        Stream = stream;
        buffers = new ArrayBufferWriter<byte>[count];
        writers = new Utf8JsonWriter[count];
        for (var i = 0; i < count; i++)
        {
            buffers[i] = new ArrayBufferWriter<byte>(1 << 20);
            writers[i] = new Utf8JsonWriter(buffers[i], options);
        }
    }

    public Stream Stream { get; }

    public int Count => buffers.Length;

    public void Write(Action<int, Utf8JsonWriter> writePart) =>
        Parallel.For(0, Count, part =>
        {
            var writer = Restart(part);
            writer.WriteStartArray();
            writePart(part, writer);
            writer.WriteEndArray();
            writer.Flush();
        });

    /// <summary>Writes JSON that is not a whole value (a chain's head) with the first part's writer, straight to the stream.</summary>
    public void WriteRaw(Action<Utf8JsonWriter> write)
    {
        var writer = Restart(0);
        write(writer);
        writer.Flush();
        Stream.Write(buffers[0].WrittenSpan);
    }

    public void CopyOut(ref bool first)
    {
        foreach (var buffer in buffers)
        {
            // Each part is "[a,b]": its inside joins the enclosing array, comma-separated from the rest.
            if (buffer.WrittenCount <= 2)
                continue;
            if (!first)
                Stream.WriteByte((byte)',');
            Stream.Write(buffer.WrittenSpan[1..^1]);
            first = false;
        }
    }

    public void Dispose()
    {
        foreach (var writer in writers)
            writer.Dispose();
    }

    private Utf8JsonWriter Restart(int part)
    {
        buffers[part].ResetWrittenCount();
        writers[part].Reset(buffers[part]);
        return writers[part];
    }
}
