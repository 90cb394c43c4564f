using System.Globalization;
using System.Text.Json;

namespace IptablesPolicy.Engine.Configuration;

/// <summary>
/// Where every value of a JSON document stands: its JSON Pointer mapped to the 1-based line of the value (for an
/// object member, the line of its name) and to the JSON path people read (<c>$.suppressions[0].policy</c>).
/// System.Text.Json's DOM keeps no positions, so one pass of <see cref="Utf8JsonReader"/> records them from the
/// token offsets.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, (int Line, string Path)> places = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>Reads <paramref name="utf8"/> (already known to parse) with the same options as the document.</summary>
    public static JsonLineMap Of(byte[] utf8, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, options);
        // One frame per open container: its pointer and path, whether it is an array, the next index, the pending member.
        var stack = new Stack<Frame>();
        string? member = null;
        int memberLine = 0;
        while (reader.Read())
        {
            var line = LineOf(lineStarts, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = reader.GetString();
                    memberLine = line;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    stack.Pop();
                    continue;
            }
            var (pointer, path, at) = Place(stack, member, memberLine, line);
            member = null;
            map.places.TryAdd(pointer, (at, path));
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                stack.Push(new Frame(pointer, path, reader.TokenType == JsonTokenType.StartArray));
        }
        return map;
    }

    /// <summary>The line of the value at <paramref name="pointer"/>, or of its nearest parent that exists (1 when none does).</summary>
    public int LineOf(string pointer) => Nearest(pointer).Line;

    /// <summary>The JSON path of <paramref name="pointer"/> (<c>$</c> for the root); segments past the document are appended as members.</summary>
    public string PathOf(string pointer)
    {
        if (places.TryGetValue(pointer, out var place))
            return place.Path;
        var cut = pointer.LastIndexOf('/');
        return cut < 0 ? "$" : PathOf(pointer[..cut]) + Member(Unescape(pointer[(cut + 1)..]));
    }

    private (int Line, string Path) Nearest(string pointer)
    {
        while (true)
        {
            if (places.TryGetValue(pointer, out var place))
                return place;
            var cut = pointer.LastIndexOf('/');
            if (cut < 0)
                return (1, "$");
            pointer = pointer[..cut];
        }
    }

    private static (string Pointer, string Path, int Line) Place(Stack<Frame> stack, string? member, int memberLine, int line)
    {
        if (stack.Count == 0)
            return ("", "$", line);
        var parent = stack.Peek();
        if (parent.IsArray)
        {
            var index = parent.NextIndex++;
            var text = index.ToString(CultureInfo.InvariantCulture);
            return ($"{parent.Pointer}/{text}", $"{parent.Path}[{text}]", line);
        }
        var name = member ?? "";
        return ($"{parent.Pointer}/{Escape(name)}", parent.Path + Member(name), memberLine);
    }

    private static string Member(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$') && !char.IsAsciiDigit(name[0])
            ? "." + name
            : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static List<long> LineStarts(byte[] utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
                starts.Add(i + 1);
        }
        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private sealed class Frame(string pointer, string path, bool isArray)
    {
        public string Pointer { get; } = pointer;

        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
