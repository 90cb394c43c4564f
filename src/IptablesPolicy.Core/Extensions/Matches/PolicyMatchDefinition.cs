using System.Globalization;
using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Parsing;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m policy</c> (libxt_policy.c): the IPsec policy a packet was (<c>--dir in</c>) or will be
/// (<c>--dir out</c>) handled by. The options after <c>--dir</c>, <c>--pol</c> and <c>--strict</c> describe
/// policy elements, separated by <c>--next</c> (which needs <c>--strict</c>), so their order matters:
/// unlike other extensions they are read in the order given and saved element by element (reqid, spi,
/// proto, mode, tunnel-dst, tunnel-src). With <c>--pol none</c> no element is kept.
/// </summary>
internal sealed class PolicyMatchDefinition : ExtensionDefinition
{
    private const int MaxElements = 4;
    private static readonly string[] ElementOrder = ["--reqid", "--spi", "--proto", "--mode", "--tunnel-dst", "--tunnel-src"];

    public override string Name => "policy";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--dir"),
        new OptionSpec("--pol"),
        OptionSpec.Flag("--strict"),
        new OptionSpec("--reqid") { CanNegate = true, AllowRepeat = true },
        new OptionSpec("--spi") { CanNegate = true, AllowRepeat = true },
        new OptionSpec("--proto") { CanNegate = true, AllowRepeat = true },
        new OptionSpec("--mode") { CanNegate = true, AllowRepeat = true },
        new OptionSpec("--tunnel-dst") { CanNegate = true, AllowRepeat = true },
        new OptionSpec("--tunnel-src") { CanNegate = true, AllowRepeat = true },
        new OptionSpec("--next") { MinValues = 0, MaxValues = 0, AllowRepeat = true },
    ];

    public override IReadOnlyList<ExtensionOption>? Canonicalize(IReadOnlyList<GivenOption> given, ExtensionContext context)
    {
        var errorsBefore = context.Errors.Count;
        string? direction = null, policy = null;
        var strict = false;
        var elements = new List<Dictionary<string, ExtensionOption>> { new() };
        foreach (var option in given)
        {
            context.Subject = option.At;
            var spec = FindOption(option.Name);
            if (spec is null)
            {
                context.Fail($"unknown option {option.Name} for match policy", option.At);
                continue;
            }
            if (option.IsNegated && !spec.CanNegate)
                context.Fail($"{spec.Name} of match policy cannot be negated with !", option.At);
            if (option.Values.Count < spec.MinValues || option.Values.Count > spec.MaxValues)
            {
                context.Fail($"{spec.Name} of match policy takes {(spec.MaxValues == 0 ? "no argument" : "one argument")}", option.At);
                continue;
            }
            var value = option.Values.Count > 0 ? option.Values[0] : string.Empty;
            var element = elements[^1];
            switch (spec.Name)
            {
                case "--dir":
                    direction = Once(direction, value is "in" or "out" ? value : Bad("--dir", value, "in or out", context), "--dir", context);
                    break;
                case "--pol":
                    policy = Once(policy, value is "none" or "ipsec" ? value : Bad("--pol", value, "none or ipsec", context), "--pol", context);
                    break;
                case "--strict":
                    if (strict)
                        context.Fail("--strict given twice for match policy");
                    strict = true;
                    break;
                case "--next":
                    elements.Add([]);
                    if (elements.Count > MaxElements)
                        context.Fail($"match policy: at most {MaxElements} policy elements ({MaxElements - 1} --next)");
                    break;
                default:
                    if (element.ContainsKey(spec.Name))
                    {
                        context.Fail($"match policy: {spec.Name} given twice for one policy element (use --next between elements)");
                        break;
                    }
                    if (NormalizeElementValue(spec.Name, value, context) is { } normalized)
                        element[spec.Name] = new ExtensionOption(spec.Name, [normalized], option.IsNegated);
                    break;
            }
        }
        context.Subject = null;
        if (context.Errors.Count > errorsBefore)
            return null;
        Check(direction, policy, strict, elements, context);
        if (context.Errors.Count > errorsBefore)
            return null;

        var options = new List<ExtensionOption>
        {
            new("--dir", [direction!]),
            new("--pol", [policy ?? "ipsec"]),
        };
        if (strict)
            options.Add(new ExtensionOption("--strict", []));
        if (policy != "none")
        {
            for (var i = 0; i < elements.Count; i++)
            {
                if (i > 0)
                    options.Add(new ExtensionOption("--next", []));
                options.AddRange(ElementOrder.Where(elements[i].ContainsKey).Select(name => elements[i][name]));
            }
        }
        return options;
    }

    private static void Check(string? direction, string? policy, bool strict, List<Dictionary<string, ExtensionOption>> elements, ExtensionContext context)
    {
        if (direction is null)
        {
            context.Fail("match policy needs --dir in or --dir out");
            return;
        }
        if (elements.Count > 1 && !strict)
            context.Fail("match policy: --next needs --strict");
        if (policy == "none" && strict)
            context.Fail("match policy: --pol none cannot be combined with --strict");
        if (policy == "none" && elements.Count > 1)
            context.Fail("match policy: --pol none cannot have policy elements (--next)");
        for (var i = 0; i < elements.Count && policy != "none"; i++)
        {
            var element = elements[i];
            if (strict && element.Count == 0)
                context.Fail($"match policy: policy element {i} is empty: with --strict it needs one of --reqid, --spi, --proto, --mode, --tunnel-src, --tunnel-dst");
            var tunnel = element.TryGetValue("--mode", out var mode) && (mode.Value == "tunnel") != mode.IsNegated;
            if ((element.ContainsKey("--tunnel-src") || element.ContainsKey("--tunnel-dst")) && !tunnel)
                context.Fail("match policy: --tunnel-src and --tunnel-dst need --mode tunnel");
        }
        // The kernel's checkentry: a packet has an input policy before routing, an output one after.
        if (direction == "out" && context.Chain is "PREROUTING" or "INPUT")
            context.Fail($"match policy: --dir out is not valid in {context.Chain}");
        if (direction == "in" && context.Chain is "POSTROUTING" or "OUTPUT")
            context.Fail($"match policy: --dir in is not valid in {context.Chain}");
    }

    private static string? NormalizeElementValue(string name, string value, ExtensionContext context)
    {
        switch (name)
        {
            case "--reqid":
                return Numbers.Parse(value, 0, uint.MaxValue, name, context) is { } reqid ? Numbers.Decimal(reqid) : null;
            case "--spi":
                return Numbers.Parse(value, 0, uint.MaxValue, name, context) is { } spi ? string.Create(CultureInfo.InvariantCulture, $"0x{spi:x}") : null;
            case "--proto":
                if (ProtocolNames.TryParse(value, out var number) && number is 50 or 51 or 108)
                    return ProtocolNames.Canonical(number);
                context.Fail($"invalid --proto '{value}' of match policy: expected ah, esp or ipcomp");
                return null;
            case "--mode":
                return value is "transport" or "tunnel" ? value : Bad("--mode", value, "transport or tunnel", context);
            default:
                return Addresses.ParseHostMask(value, name, context);
        }
    }

    private static string? Once(string? current, string? value, string option, ExtensionContext context)
    {
        if (current is not null)
            context.Fail($"{option} given twice for match policy: expected it at most once");
        return value ?? current;
    }

    private static string? Bad(string option, string value, string expected, ExtensionContext context)
    {
        context.Fail($"invalid {option} '{value}' of match policy: expected {expected}");
        return null;
    }
}
