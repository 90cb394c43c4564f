using System.Globalization;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m bpf</c> (libxt_bpf.c, revision 1): a classic BPF program as <c>--bytecode "N,code jt jf k,..."</c>
/// (at most 64 instructions, saved in decimal and quoted) or an <c>--object-pinned</c> eBPF path.
/// </summary>
internal sealed class BpfMatchDefinition : ExtensionDefinition
{
    private const int MaxInstructions = 64;

    public override string Name => "bpf";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--bytecode") { AlwaysQuoted = true, Normalize = (values, context) => ParseBytecode(values[0], context) is { } code ? [code] : null },
        new OptionSpec("--object-pinned"),
    ];

    private static string? ParseBytecode(string text, ExtensionContext context)
    {
        var parts = text.Split(',');
        if (parts[^1].Length == 0)
            parts = parts[..^1];
        if (parts.Length < 2 || !ushort.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length == 0)
            return Fail("--bytecode expects 'N,code jt jf k,...' with N the number of instructions (1 or more)", context);
        if (length > MaxInstructions)
            return Fail($"--bytecode has {length} instructions: expected at most {MaxInstructions}", context);
        if (parts.Length - 1 != length)
            return Fail($"--bytecode announces {length} instructions and holds {parts.Length - 1}", context);
        var instructions = new string[length];
        for (var i = 0; i < length; i++)
        {
            var fields = parts[i + 1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4
                || !ushort.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || !byte.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var jt)
                || !byte.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var jf)
                || !uint.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var k))
                return Fail($"--bytecode instruction {i} '{parts[i + 1]}' is not 'code jt jf k'", context);
            instructions[i] = string.Create(CultureInfo.InvariantCulture, $"{code} {jt} {jf} {k}");
        }
        return $"{length}," + string.Join(',', instructions);
    }

    private static string? Fail(string message, ExtensionContext context)
    {
        context.Fail(message);
        return null;
    }

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (options.Count == 0)
            context.Fail("match bpf needs --bytecode or --object-pinned");
        else if (options.Count > 1)
            context.Fail("match bpf takes one program: --bytecode or --object-pinned, not both");
    }
}
