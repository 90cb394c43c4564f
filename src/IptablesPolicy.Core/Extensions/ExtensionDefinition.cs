using IptablesPolicy.Core.Model;

namespace IptablesPolicy.Core.Extensions;

/// <summary>
/// What the project knows of one match or target extension: its options and how iptables-save prints
/// them. One class per extension, found by <see cref="ExtensionRegistry"/>; an extension with no class
/// is still read, and kept with its option text as given.
/// </summary>
internal abstract class ExtensionDefinition
{
    /// <summary>The name <c>-m</c> or <c>-j</c> takes (<c>tcp</c>, <c>REJECT</c>).</summary>
    public abstract string Name { get; }

    public abstract ExtensionKind Kind { get; }

    /// <summary>The family the extension exists for; <see cref="IpFamily.Unknown"/> for both (the libxt_ ones).</summary>
    public virtual IpFamily Family => IpFamily.Unknown;

    /// <summary>The options in the order iptables-save prints them.</summary>
    public abstract IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>The option a typed name means, or null when the extension has no such option.</summary>
    public OptionSpec? FindOption(string typed) => OptionsByName.GetValueOrDefault(typed);

    // Every option is looked up several times per rule while routing; a dictionary of names and aliases
    // keeps that off the parser's profile.
    private Dictionary<string, OptionSpec> OptionsByName => field ??= BuildOptionsByName();

    private Dictionary<string, OptionSpec> BuildOptionsByName()
    {
        var byName = new Dictionary<string, OptionSpec>(StringComparer.Ordinal);
        foreach (var option in Options)
        {
            byName.TryAdd(option.Name, option);
            foreach (var alias in option.Aliases)
                byName.TryAdd(alias, option);
        }
        return byName;
    }

    /// <summary>
    /// Puts the options as given into the form iptables-save prints: canonical names and values, save
    /// order, defaults filled in. Returns null when the options are not valid, after reporting why.
    /// </summary>
    public virtual IReadOnlyList<ExtensionOption>? Canonicalize(IReadOnlyList<GivenOption> given, ExtensionContext context)
    {
        var errorsBefore = context.Errors.Count;
        // One working list per thread: this runs for every extension of every rule, and the result is an array.
        var options = scratch ??= new List<ExtensionOption>(8);
        options.Clear();
        Span<int> ranks = given.Count <= 16 ? stackalloc int[given.Count] : new int[given.Count];
        for (var i = 0; i < given.Count; i++)
        {
            var option = given[i];
            var spec = FindOption(option.Name);
            if (spec is null)
            {
                context.Fail($"unknown option {option.Name} for {Describe()}", option.At);
                continue;
            }
            if (option.IsNegated && !spec.CanNegate)
                context.Fail($"{spec.Name} of {Describe()} cannot be negated with !", option.At);
            if (!spec.AllowRepeat && Contains(options, spec.Name))
                context.Fail($"{spec.Name} given twice for {Describe()}: expected it at most once", option.At);
            if (option.Values.Count < spec.MinValues || option.Values.Count > spec.MaxValues)
            {
                context.Fail($"{spec.Name} of {Describe()} takes {DescribeArity(spec)}, got {option.Values.Count}", option.At);
                continue;
            }
            context.Subject = option.At;
            var values = spec.Normalize is null ? option.Values : spec.Normalize(option.Values, context);
            if (values is null)
                continue;
            // Insert in save order; options of equal rank (repeated ones) keep their input order.
            var rank = IndexOf(spec);
            var at = options.Count;
            while (at > 0 && ranks[at - 1] > rank)
            {
                ranks[at] = ranks[at - 1];
                at--;
            }
            ranks[at] = rank;
            options.Insert(at, new ExtensionOption(spec.Name, values, option.IsNegated, spec.Quoting));
        }
        Complete(options, context);
        return context.Errors.Count > errorsBefore ? null : options.ToArray();
    }

    [ThreadStatic]
    private static List<ExtensionOption>? scratch;

    /// <summary>Creates the match a rule holds for these canonical options; typed extensions return their subclass.</summary>
    public virtual Match CreateMatch(IReadOnlyList<ExtensionOption> options) => new(Name, options, isKnown: true);

    /// <summary>Creates the target a rule holds for these canonical options; typed extensions return their subclass.</summary>
    public virtual Target CreateTarget(IReadOnlyList<ExtensionOption> options) => new(TargetKind.Extension, Name, options, isKnown: true);

    /// <summary>
    /// Checks the options together and fills in what iptables-save prints although nobody typed it
    /// (defaults, implied options). Reports problems with <see cref="ExtensionContext.Fail"/>.
    /// </summary>
    protected virtual void Complete(List<ExtensionOption> options, ExtensionContext context)
    {
    }

    private static bool Contains(List<ExtensionOption> options, string name)
    {
        foreach (var option in options)
        {
            if (option.Name == name)
                return true;
        }
        return false;
    }

    /// <summary>Names the extension in messages: "match tcp" or "target REJECT".</summary>
    protected string Describe() => Kind == ExtensionKind.Match ? $"match {Name}" : $"target {Name}";

    private int IndexOf(OptionSpec spec)
    {
        for (var i = 0; i < Options.Count; i++)
        {
            if (ReferenceEquals(Options[i], spec))
                return i;
        }
        return Options.Count;
    }

    private static string DescribeArity(OptionSpec spec) => (spec.MinValues, spec.MaxValues) switch
    {
        (0, 0) => "no argument",
        (1, 1) => "one argument",
        var (min, max) when min == max => $"{min} arguments",
        var (min, max) => $"{min} to {max} arguments",
    };
}
