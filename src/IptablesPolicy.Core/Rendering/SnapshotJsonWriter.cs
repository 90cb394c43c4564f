using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Rendering;

/// <summary>
/// Writes snapshots as the JSON document <c>iptables-policy show --format json</c> prints (documented in
/// the README). Fields are written as iptables-save writes them (<c>"10.0.0.1/32"</c>, <c>"!10.244.0.0/16"</c>,
/// <c>"tcp"</c>, <c>"eni+"</c>) and are null when the rule does not restrict them; <c>unknown</c> names the
/// fields the input format could not show. The output is deterministic: same input, same bytes.
/// </summary>
public static class SnapshotJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Utf8JsonWriter validates nesting on every call; the writer below is structured by construction.
        SkipValidation = true,
        // Comments hold quotes and angle brackets; escaping them as \u0022 would only hurt readers.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <c>{"snapshots":[...]}</c> to <paramref name="stream"/>.</summary>
    public static void Write(IEnumerable<Snapshot> snapshots, Stream stream) =>
        Write(snapshots, stream, ParallelTableRules);

    // Tables with at least this many rules are written by several threads, a round of chains at a time.
    private const int ParallelTableRules = 16384;
    private const int RoundRules = 2048;

    /// <summary>Writes the document; tables with at least <paramref name="parallelTableRules"/> rules are written in parallel (tests force either way).</summary>
    internal static void Write(IEnumerable<Snapshot> snapshots, Stream stream, int parallelTableRules)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        writer.WriteStartObject();
        writer.WriteStartArray("snapshots");
        foreach (var snapshot in snapshots)
            WriteSnapshot(writer, stream, snapshot, parallelTableRules);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The JSON name of a format: <c>save</c>, <c>save-fragment</c>, <c>rule-specs</c>, <c>commands</c>.</summary>
    public static string FormatName(SnapshotFormat format) => format switch
    {
        SnapshotFormat.Save => "save",
        SnapshotFormat.SaveFragment => "save-fragment",
        SnapshotFormat.RuleSpecs => "rule-specs",
        SnapshotFormat.Commands => "commands",
        SnapshotFormat.Listing => "listing",
        _ => format.ToString().ToLowerInvariant(),
    };

    /// <summary>The JSON name of a family: <c>ipv4</c>, <c>ipv6</c> or <c>unknown</c>.</summary>
    public static string FamilyName(IpFamily family) => family.ToString().ToLowerInvariant();

    private static void WriteSnapshot(Utf8JsonWriter writer, Stream stream, Snapshot snapshot, int parallelTableRules)
    {
        writer.WriteStartObject();
        writer.WriteString("path", snapshot.Path);
        writer.WriteString("format", FormatName(snapshot.Format));
        writer.WriteString("family", FamilyName(snapshot.Family));
        writer.WriteNumber("line", snapshot.StartLine);
        WriteProducer(writer, snapshot.Producer);
        WriteNames(writer, "unknown", snapshot.Unknown);
        writer.WriteStartArray("tables");
        foreach (var table in snapshot.Tables)
            WriteTable(writer, stream, table, parallelTableRules);
        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in snapshot.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning");
            writer.WriteString("path", diagnostic.Span.Path);
            writer.WriteNumber("line", diagnostic.Span.Line);
            writer.WriteNumber("column", diagnostic.Span.StartColumn);
            writer.WriteNumber("endColumn", diagnostic.Span.EndColumn);
            writer.WriteString("message", diagnostic.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteProducer(Utf8JsonWriter writer, SnapshotProducer? producer)
    {
        if (producer is null)
        {
            writer.WriteNull("producer");
            return;
        }
        writer.WriteStartObject("producer");
        writer.WriteString("tool", producer.Tool);
        writer.WriteString("version", producer.Version);
        writer.WriteString("backend", producer.Backend);
        writer.WriteString("generatedOn", producer.GeneratedOn);
        writer.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter writer, Stream stream, Table table, int parallelTableRules)
    {
        writer.WriteStartObject();
        writer.WriteString("name", table.Name);
        WriteLine(writer, table.Span);
        writer.WriteStartArray("chains");
        var ruleCount = 0;
        foreach (var chain in table.Chains)
            ruleCount += chain.Rules.Count;
        if (ruleCount >= parallelTableRules && Environment.ProcessorCount > 1)
            WriteChainsInParallel(writer, stream, table.Chains);
        else
        {
            foreach (var chain in table.Chains)
                WriteChain(writer, chain);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The chain's object up to and including the opening of its rules array.</summary>
    private static void WriteChainHead(Utf8JsonWriter writer, Chain chain)
    {
        writer.WriteStartObject();
        writer.WriteString("name", chain.Name);
        writer.WriteBoolean("builtIn", chain.IsBuiltIn);
        WriteStringOrNull(writer, "policy", chain.Policy);
        WriteLine(writer, chain.Span);
        WriteCounters(writer, chain.PolicyCounters);
        writer.WriteStartArray("rules");
    }

    private static void WriteChain(Utf8JsonWriter writer, Chain chain)
    {
        WriteChainHead(writer, chain);
        var rules = chain.Rules;
        for (var i = 0; i < rules.Count; i++)
        {
            WriteRule(writer, rules[i]);
            // Utf8JsonWriter buffers everything until flushed: without this a large snapshot's whole
            // document would sit in one growing array.
            if (writer.BytesPending > FlushThreshold)
                writer.Flush();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes chains a round at a time: the chains of a round are split among the cores by rule count,
    /// each part written to its own buffer, and the parts copied out in order. A chain with more rules than
    /// a round (KUBE-SERVICES of a large cluster) has its rules split the same way, a round at a time. Rounds
    /// keep the buffers small, so neither the document nor one chain is ever held whole. The parts go straight
    /// to the stream: the writer, flushed first, sees an empty chains array and closes it as one.
    /// </summary>
    private static void WriteChainsInParallel(Utf8JsonWriter writer, Stream stream, IReadOnlyList<Chain> chains)
    {
        writer.Flush();
        using var parts = new JsonPartWriters(stream, Environment.ProcessorCount, Options);
        var bounds = new int[parts.Count + 1];
        var firstChain = true;
        var start = 0;
        while (start < chains.Count)
        {
            if (chains[start].Rules.Count > RoundRules)
            {
                WriteLargeChain(parts, chains[start], bounds, ref firstChain);
                start++;
                continue;
            }
            var end = start;
            var weight = 0;
            while (end < chains.Count && weight < RoundRules && chains[end].Rules.Count <= RoundRules)
                weight += chains[end++].Rules.Count + 1;
            Split(chains, start, end, weight, bounds);
            parts.Write((part, partWriter) =>
            {
                for (var c = bounds[part]; c < bounds[part + 1]; c++)
                    WriteChain(partWriter, chains[c]);
            });
            parts.CopyOut(ref firstChain);
            start = end;
        }
    }

    /// <summary>Writes one chain whose rules are written in parallel slices, a round at a time.</summary>
    private static void WriteLargeChain(JsonPartWriters parts, Chain chain, int[] bounds, ref bool firstChain)
    {
        if (!firstChain)
            parts.Stream.WriteByte((byte)',');
        firstChain = false;
        parts.WriteRaw(headWriter => WriteChainHead(headWriter, chain));
        var rules = chain.Rules;
        var firstRule = true;
        for (var start = 0; start < rules.Count; start += RoundRules)
        {
            var end = Math.Min(rules.Count, start + RoundRules);
            for (var part = 0; part <= parts.Count; part++)
                bounds[part] = start + (int)((long)(end - start) * part / parts.Count);
            parts.Write((part, partWriter) =>
            {
                for (var r = bounds[part]; r < bounds[part + 1]; r++)
                    WriteRule(partWriter, rules[r]);
            });
            parts.CopyOut(ref firstRule);
        }
        parts.Stream.Write("]}"u8);
    }

    /// <summary>Sets <paramref name="bounds"/> to split chains [start, end) into parts of about equal weight.</summary>
    private static void Split(IReadOnlyList<Chain> chains, int start, int end, int weight, int[] bounds)
    {
        var parts = bounds.Length - 1;
        bounds[0] = start;
        var part = 1;
        var sum = 0;
        for (var c = start; c < end && part < parts; c++)
        {
            sum += chains[c].Rules.Count + 1;
            while (part < parts && sum >= (long)weight * part / parts)
                bounds[part++] = c + 1;
        }
        while (part <= parts)
            bounds[part++] = end;
    }

    private const int FlushThreshold = 1 << 16;

    private static readonly string[] TargetKindNames = Enum.GetValues<TargetKind>().Select(k => k.ToString().ToLowerInvariant()).ToArray();

    [ThreadStatic]
    private static System.Text.StringBuilder? ruleText;

    private static void WriteRule(Utf8JsonWriter writer, Rule rule)
    {
        writer.WriteStartObject();
        writer.WriteNumber("line", rule.Span.Line);
        writer.WriteNumber("position", rule.Position);
        WriteRuleText(writer, rule);
        WriteStringOrNull(writer, "target", rule.Target.Kind == TargetKind.None ? null : rule.Target.Name);
        writer.WriteString("targetKind", TargetKindNames[(int)rule.Target.Kind]);
        WriteNegatable(writer, "protocol", rule.Protocol);
        WriteNegatable(writer, "source", rule.Source);
        WriteNegatable(writer, "destination", rule.Destination);
        WriteNegatable(writer, "inInterface", rule.InInterface);
        WriteNegatable(writer, "outInterface", rule.OutInterface);
        WriteStringOrNull(writer, "fragment", rule.Fragment switch
        {
            FragmentFilter.NonFirstFragmentsOnly => "-f",
            FragmentFilter.ExceptNonFirstFragments => "!-f",
            _ => null,
        });
        WriteCounters(writer, rule.Counters);
        writer.WriteStartArray("matches");
        for (var i = 0; i < rule.Matches.Count; i++)
        {
            var match = rule.Matches[i];
            writer.WriteStartObject();
            writer.WriteString("module", match.Name);
            writer.WriteBoolean("known", match.IsKnown);
            WriteOptions(writer, match.Options);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WritePropertyName("targetOptions");
        WriteOptionArray(writer, rule.Target.Options);
        WriteNames(writer, "unknown", rule.Unknown);
        WriteHostNames(writer, rule);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Only for rules read from a listing that printed host names: each name, and whether the address was
    /// inferred from it (<c>localhost</c>, EC2 names) or is unknown. Absent otherwise, so other output is unchanged.
    /// </summary>
    private static void WriteHostNames(Utf8JsonWriter writer, Rule rule)
    {
        var source = rule.Source?.Value;
        var destination = rule.Destination?.Value;
        if (source?.HostName is null && destination?.HostName is null)
            return;
        writer.WriteStartObject("hostNames");
        foreach (var (name, address) in new[] { ("source", source), ("destination", destination) })
        {
            if (address?.HostName is not { } hostName)
                continue;
            writer.WriteStartObject(name);
            writer.WriteString("name", hostName);
            writer.WriteBoolean("inferred", address.Address is not null);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the rule's canonical text without making a string of it: 100k rules, 100k fewer allocations.</summary>
    private static void WriteRuleText(Utf8JsonWriter writer, Rule rule)
    {
        var builder = ruleText ??= new System.Text.StringBuilder(256);
        builder.Clear();
        SaveFormatWriter.AppendRule(builder, rule);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(builder.Length);
        builder.CopyTo(0, buffer, builder.Length);
        writer.WriteString("text", buffer.AsSpan(0, builder.Length));
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
    }

    private static void WriteOptions(Utf8JsonWriter writer, IReadOnlyList<ExtensionOption> options)
    {
        writer.WritePropertyName("options");
        WriteOptionArray(writer, options);
    }

    private static void WriteOptionArray(Utf8JsonWriter writer, IReadOnlyList<ExtensionOption> options)
    {
        writer.WriteStartArray();
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            writer.WriteStartObject();
            writer.WriteString("name", option.Name);
            writer.WriteBoolean("negated", option.IsNegated);
            writer.WriteStartArray("values");
            for (var v = 0; v < option.Values.Count; v++)
                writer.WriteStringValue(option.Values[v]);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteNegatable<T>(Utf8JsonWriter writer, string name, Negatable<T>? value)
    {
        if (value is not { } v)
        {
            writer.WriteNull(name);
            return;
        }
        var text = v.Value?.ToString() ?? string.Empty;
        if (!v.IsNegated)
        {
            writer.WriteString(name, text);
            return;
        }
        Span<char> negated = stackalloc char[text.Length + 1];
        negated[0] = '!';
        text.CopyTo(negated[1..]);
        writer.WriteString(name, negated);
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }

    private static void WriteLine(Utf8JsonWriter writer, SourceSpan? span)
    {
        if (span is { } s && s.Line > 0)
            writer.WriteNumber("line", s.Line);
        else
            writer.WriteNull("line");
    }

    private static void WriteCounters(Utf8JsonWriter writer, Counters? counters)
    {
        if (counters is not { } c)
        {
            writer.WriteNull("counters");
            return;
        }
        writer.WriteStartObject("counters");
        writer.WriteNumber("packets", c.Packets);
        writer.WriteNumber("bytes", c.Bytes);
        writer.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter writer, string name, IReadOnlySet<string> names)
    {
        writer.WriteStartArray(name);
        if (names.Count > 0)
        {
            foreach (var item in names.Order(StringComparer.Ordinal))
                writer.WriteStringValue(item);
        }
        writer.WriteEndArray();
    }
}
