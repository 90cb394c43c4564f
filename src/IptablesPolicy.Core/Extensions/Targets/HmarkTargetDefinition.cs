using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j HMARK</c> (libxt_HMARK.c): a packet mark from a hash of the tuple. <c>--hmark-tuple</c> names the
/// fields to hash (each becomes its full mask, printed as such); <c>--hmark-mod</c> and <c>--hmark-rnd</c>
/// are mandatory; masks print in fixed-width hexadecimal.
/// </summary>
internal sealed class HmarkTargetDefinition : ExtensionDefinition
{
    // The tuple names in the order hmark_parse tries them (a prefix of a name selects it).
    private static readonly string[] TupleNames = ["ct", "src", "dst", "sport", "dport", "proto", "spi"];

    public override string Name => "HMARK";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--hmark-src-prefix") { Normalize = Prefix },
        new OptionSpec("--hmark-dst-prefix") { Normalize = Prefix },
        new OptionSpec("--hmark-sport-mask") { Normalize = TargetValues.Hex(0, ushort.MaxValue, "port mask", 4) },
        new OptionSpec("--hmark-dport-mask") { Normalize = TargetValues.Hex(0, ushort.MaxValue, "port mask", 4) },
        new OptionSpec("--hmark-spi-mask") { Normalize = TargetValues.Hex(0, uint.MaxValue, "SPI mask", 8) },
        new OptionSpec("--hmark-sport") { Normalize = TargetValues.Hex(0, ushort.MaxValue, "port", 4) },
        new OptionSpec("--hmark-dport") { Normalize = TargetValues.Hex(0, ushort.MaxValue, "port", 4) },
        new OptionSpec("--hmark-spi") { Normalize = TargetValues.Hex(0, uint.MaxValue, "SPI", 8) },
        new OptionSpec("--hmark-proto-mask") { Normalize = TargetValues.Hex(0, ushort.MaxValue, "protocol mask", 2) },
        new OptionSpec("--hmark-rnd") { Normalize = TargetValues.Hex(0, uint.MaxValue, "random seed", 8) },
        new OptionSpec("--hmark-mod") { Normalize = TargetValues.Decimal(1, uint.MaxValue, "modulus") },
        new OptionSpec("--hmark-offset") { Normalize = TargetValues.Decimal(0, uint.MaxValue, "offset") },
        new OptionSpec("--hmark-tuple") { Normalize = NormalizeTuple },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        var tuple = TargetChecks.Find(options, "--hmark-tuple")?.Value?.Split(',') ?? [];
        options.RemoveAll(o => o.Name == "--hmark-tuple");
        var prefix = context.Family == IpFamily.IPv6 ? "128" : "32";
        // Each tuple field stands for its full mask unless the option gives another.
        foreach (var field in tuple)
        {
            var (name, value) = field switch
            {
                "src" => ("--hmark-src-prefix", prefix),
                "dst" => ("--hmark-dst-prefix", prefix),
                "sport" => ("--hmark-sport-mask", "0xffff"),
                "dport" => ("--hmark-dport-mask", "0xffff"),
                "proto" => ("--hmark-proto-mask", "0xffff"),
                "spi" => ("--hmark-spi-mask", "0xffffffff"),
                _ => (null, null),
            };
            if (name is not null && !TargetChecks.Has(options, name))
                Insert(options, new ExtensionOption(name, [value!]));
        }
        if (tuple.Contains("ct"))
            options.Add(new ExtensionOption("--hmark-tuple", ["ct"]));
        TargetChecks.Require(options, context, Name, "--hmark-mod", "--hmark-rnd");
        if (TargetChecks.Has(options, "--hmark-spi-mask") && (TargetChecks.Has(options, "--hmark-sport-mask") || TargetChecks.Has(options, "--hmark-dport-mask")))
            context.Fail("target HMARK: --hmark-spi-mask cannot be combined with --hmark-sport-mask or --hmark-dport-mask");
        string[] packetMasks = ["--hmark-src-prefix", "--hmark-dst-prefix", "--hmark-sport-mask", "--hmark-dport-mask", "--hmark-spi-mask", "--hmark-proto-mask"];
        if (!tuple.Contains("ct") && !packetMasks.Any(m => TargetChecks.Has(options, m)))
            context.Fail("target HMARK needs --hmark-tuple or a mask (--hmark-src-prefix, --hmark-sport-mask...)");
    }

    // Keeps the save order when an option is added after the sort.
    private void Insert(List<ExtensionOption> options, ExtensionOption option)
    {
        var rank = Rank(option.Name);
        var at = options.FindIndex(o => Rank(o.Name) > rank);
        options.Insert(at < 0 ? options.Count : at, option);
    }

    private int Rank(string name)
    {
        for (var i = 0; i < Options.Count; i++)
        {
            if (Options[i].Name == name)
                return i;
        }
        return Options.Count;
    }

    private static IReadOnlyList<string>? Prefix(IReadOnlyList<string> values, ExtensionContext context)
    {
        var max = context.Family == IpFamily.IPv6 ? 128UL : 32UL;
        return OptionValues.ParseUnsigned(values[0], 0, max, "prefix length", context) is { } length
            ? [length.ToString(CultureInfo.InvariantCulture)]
            : null;
    }

    private static IReadOnlyList<string>? NormalizeTuple(IReadOnlyList<string> values, ExtensionContext context)
    {
        var fields = new List<string>();
        foreach (var item in values[0].Split(','))
        {
            var name = item.Length == 0 ? null : TupleNames.FirstOrDefault(n => n.StartsWith(item, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                context.Fail($"bad --hmark-tuple field '{item}': expected a list of ct, src, dst, sport, dport, proto, spi");
                return null;
            }
            fields.Add(name);
        }
        return [string.Join(',', fields)];
    }
}
