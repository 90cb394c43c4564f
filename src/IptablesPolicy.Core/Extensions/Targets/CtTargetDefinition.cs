using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Targets;

namespace IptablesPolicy.Core.Extensions.Targets;

/// <summary>
/// <c>-j CT</c> (libxt_CT.c, revision 1/2): <c>--notrack</c>, <c>--helper</c>, <c>--timeout</c>, event lists in
/// the kernel's order, and the zone printed as <c>--zone[-orig|-reply] ID|mark</c> (left out when 0).
/// </summary>
internal sealed class CtTargetDefinition : ExtensionDefinition
{
    /// <summary>The conntrack events in the order iptables prints them.</summary>
    internal static readonly string[] ConntrackEvents = ["new", "related", "destroy", "reply", "assured", "protoinfo", "helper", "mark", "natseqinfo", "secmark"];

    private static readonly string[] ExpectationEvents = ["new"];

    public override string Name => "CT";

    public override ExtensionKind Kind => ExtensionKind.Target;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Flag("--notrack"),
        new OptionSpec("--helper") { Normalize = Truncated(15) },
        new OptionSpec("--timeout") { Normalize = Truncated(31) },
        new OptionSpec("--ctevents") { Normalize = (values, context) => Events(values[0], ConntrackEvents, context) },
        new OptionSpec("--expevents") { Normalize = (values, context) => Events(values[0], ExpectationEvents, context) },
        new OptionSpec("--zone-orig") { Normalize = Zone },
        new OptionSpec("--zone-reply") { Normalize = Zone },
        new OptionSpec("--zone") { Normalize = Zone },
    ];

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        TargetChecks.RequireTable(context, Name, "raw");
        // The three zone options fill one field; the directions given decide the printed name.
        var zones = options.FindAll(o => o.Name.StartsWith("--zone", StringComparison.Ordinal));
        if (zones.Count == 0)
            return;
        options.RemoveAll(o => o.Name.StartsWith("--zone", StringComparison.Ordinal));
        var value = zones[^1].Value!;
        if (value == "0")
            return;
        var orig = zones.Exists(z => z.Name == "--zone-orig");
        var reply = zones.Exists(z => z.Name == "--zone-reply");
        var name = orig == reply ? "--zone" : orig ? "--zone-orig" : "--zone-reply";
        options.Add(new ExtensionOption(name, [value]));
    }

    public override Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new CtTarget(options);

    private static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Truncated(int maxBytes) =>
        (values, _) => [values[0].Length <= maxBytes ? values[0] : values[0][..maxBytes]];

    private static IReadOnlyList<string>? Zone(IReadOnlyList<string> values, ExtensionContext context)
    {
        if (string.Equals(values[0], "mark", StringComparison.OrdinalIgnoreCase))
            return ["mark"];
        return TargetValues.Decimal(0, ushort.MaxValue, "zone ID (or mark)")(values, context);
    }

    private static IReadOnlyList<string>? Events(string text, string[] known, ExtensionContext context)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in text.Split(','))
        {
            if (!known.Contains(name))
            {
                context.Fail($"unknown event '{name}': expected a list of {string.Join(", ", known)}");
                return null;
            }
            given.Add(name);
        }
        return [string.Join(',', known.Where(given.Contains))];
    }
}
