using IptablesPolicy.Core.Extensions.Values;
using IptablesPolicy.Core.Model;
using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Matches;

/// <summary>
/// <c>-m set --match-set NAME FLAGS</c> (libxt_set.c, revision 4): an ipset looked up with the packet's
/// src/dst fields (up to six, each saved as <c>src</c> or <c>dst</c>), with counter conditions.
/// <c>--update-counters</c> and <c>--update-subcounters</c> only change anything negated; iptables-save
/// prints them only then. Whether the set exists is the kernel's knowledge, not the snapshot's.
/// </summary>
internal sealed class SetMatchDefinition : ExtensionDefinition
{
    private const int MaxNameLength = 31;
    private const int MaxDimensions = 6;

    public override string Name => "set";

    public override ExtensionKind Kind => ExtensionKind.Match;

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new OptionSpec("--match-set", "--set") { CanNegate = true, MinValues = 2, MaxValues = 2, Normalize = NormalizeMatchSet },
        OptionSpec.Flag("--return-nomatch"),
        new OptionSpec("--update-counters") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--update-subcounters") { MinValues = 0, MaxValues = 0, CanNegate = true },
        new OptionSpec("--packets-eq") { CanNegate = true, Normalize = Counter("--packets-eq") },
        new OptionSpec("--packets-lt") { Normalize = Counter("--packets-lt") },
        new OptionSpec("--packets-gt") { Normalize = Counter("--packets-gt") },
        new OptionSpec("--bytes-eq") { CanNegate = true, Normalize = Counter("--bytes-eq") },
        new OptionSpec("--bytes-lt") { Normalize = Counter("--bytes-lt") },
        new OptionSpec("--bytes-gt") { Normalize = Counter("--bytes-gt") },
    ];

    private static IReadOnlyList<string>? NormalizeMatchSet(IReadOnlyList<string> values, ExtensionContext context)
    {
        var (name, flags) = (values[0], values[1]);
        if (name.Length > MaxNameLength)
        {
            context.Fail($"set name '{name}' is too long: expected at most {MaxNameLength} characters");
            return null;
        }
        if (flags.StartsWith('-') || flags.StartsWith('!'))
        {
            context.Fail("--match-set expects two arguments: the set name and its flags (src, dst, comma-separated)");
            return null;
        }
        var parts = flags.Split(',');
        if (parts.Length > MaxDimensions)
        {
            context.Fail($"--match-set flags '{flags}' name {parts.Length} dimensions: expected at most {MaxDimensions}");
            return null;
        }
        var canonical = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            // iptables compares the first three characters only (strncmp).
            if (parts[i].StartsWith("src", StringComparison.Ordinal))
                canonical[i] = "src";
            else if (parts[i].StartsWith("dst", StringComparison.Ordinal))
                canonical[i] = "dst";
            else
            {
                context.Fail($"invalid --match-set flags '{flags}': expected a comma-separated list of src and dst");
                return null;
            }
        }
        return [name, string.Join(',', canonical)];
    }

    private static Func<IReadOnlyList<string>, ExtensionContext, IReadOnlyList<string>?> Counter(string option) =>
        Numbers.Unsigned(0, ulong.MaxValue, option);

    protected override void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
        if (!options.RequireAny(context, Name, "--match-set")
            || !options.AtMostOne(context, Name, "--packets-eq", "--packets-lt", "--packets-gt")
            || !options.AtMostOne(context, Name, "--bytes-eq", "--bytes-lt", "--bytes-gt"))
            return;
        options.RemoveAll(o => o.Name is "--update-counters" or "--update-subcounters" && !o.IsNegated);
    }

    public override Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new SetMatch(options);
}
