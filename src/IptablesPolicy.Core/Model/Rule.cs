using System.Runtime.CompilerServices;

namespace IptablesPolicy.Core.Model;

/// <summary>
/// One rule of a chain, as iptables-save prints it: the common fields every rule has, its matches in
/// order, its target, where it was read from and, when the input had them, its counters.
/// </summary>
public sealed class Rule
{
    // A 100k-rule snapshot keeps one of these per rule, so the fields are stored packed (references and a
    // flag word) and the public nullable structs are made when read: 128 bytes a rule instead of 224.
    private const int ProtocolNegated = 1, SourceNegated = 2, DestinationNegated = 4, InNegated = 8, OutNegated = 16;

    private readonly string path;
    private readonly int line;
    private readonly int startColumn;
    private readonly int endColumn;
    private readonly int flags;
    private readonly string? protocol;
    private readonly AddressSpec? source;
    private readonly AddressSpec? destination;
    private readonly string? inInterface;
    private readonly string? outInterface;
    private readonly StrongBox<Counters>? counters;

    internal Rule(Chain chain, SourceSpan span, RuleSpec spec)
    {
        Chain = chain;
        (path, line, startColumn, endColumn) = span;
        counters = spec.Counters is { } c ? new StrongBox<Counters>(c) : null;
        var bits = (int)spec.Fragment << 8;
        protocol = Unpack(spec.Protocol, ProtocolNegated, ref bits);
        source = Unpack(spec.Source, SourceNegated, ref bits);
        destination = Unpack(spec.Destination, DestinationNegated, ref bits);
        inInterface = Unpack(spec.InInterface, InNegated, ref bits);
        outInterface = Unpack(spec.OutInterface, OutNegated, ref bits);
        flags = bits;
        Matches = spec.Matches;
        Target = spec.Target;
        Unknown = spec.Unknown ?? RuleSpec.EmptyUnknown;
    }

    /// <summary>The table the rule belongs to.</summary>
    public Table Table => Chain.Table;

    /// <summary>The chain the rule belongs to.</summary>
    public Chain Chain { get; }

    /// <summary>The rule's 1-based position in its chain, as <c>iptables -L --line-numbers</c> numbers it.</summary>
    public int Position { get; internal set; }

    /// <summary>Where the rule was read from.</summary>
    public SourceSpan Span => new(path, line, startColumn, endColumn);

    /// <summary>The rule's packet and byte counters, when the input had them (<c>iptables-save -c</c>, <c>-v</c> listings).</summary>
    public Counters? Counters => counters?.Value;

    /// <summary>The protocol (<c>-p</c>) as iptables-save names it (<c>tcp</c>, <c>47</c>), or null when the rule matches any protocol.</summary>
    public Negatable<string>? Protocol => Pack(protocol, ProtocolNegated);

    /// <summary>The source address (<c>-s</c>), or null when the rule matches any source.</summary>
    public Negatable<AddressSpec>? Source => Pack(source, SourceNegated);

    /// <summary>The destination address (<c>-d</c>), or null when the rule matches any destination.</summary>
    public Negatable<AddressSpec>? Destination => Pack(destination, DestinationNegated);

    /// <summary>The input interface (<c>-i</c>, <c>eth0</c> or the wildcard <c>eni+</c>), or null when any interface matches.</summary>
    public Negatable<string>? InInterface => Pack(inInterface, InNegated);

    /// <summary>The output interface (<c>-o</c>), or null when any interface matches.</summary>
    public Negatable<string>? OutInterface => Pack(outInterface, OutNegated);

    /// <summary>What the rule's <c>-f</c> flag says about fragments.</summary>
    public FragmentFilter Fragment => (FragmentFilter)(flags >> 8);

    /// <summary>The match extensions, in the order the rule applies them.</summary>
    public IReadOnlyList<Match> Matches { get; }

    /// <summary>What the rule does to a matching packet.</summary>
    public Target Target { get; }

    /// <summary>
    /// The names of the fields (as in the JSON output: <c>inInterface</c>, <c>counters</c>) that the input
    /// format could not show for this rule. A field named here is unknown, not "any".
    /// </summary>
    public IReadOnlySet<string> Unknown { get; }

    /// <summary>The rule as iptables-save prints it, without counters: <c>-A CHAIN -p tcp -m tcp --dport 22 -j ACCEPT</c>.</summary>
    /// <remarks>Rendered on each call rather than kept, so a large snapshot does not hold its text twice.</remarks>
    public string Text => Rendering.SaveFormatWriter.RenderRule(this);

    /// <summary>The matches of one module, in rule order (<c>rule.MatchesOf("tcp")</c>).</summary>
    public IEnumerable<Match> MatchesOf(string module) => Matches.Where(m => m.Name == module);

    /// <summary>The first match of the given typed kind, or null (<c>rule.Match&lt;CommentMatch&gt;()</c>).</summary>
    public T? Match<T>()
        where T : Match
    {
        // A loop rather than OfType: policies call this for every rule, and the iterator was an allocation each time.
        var matches = Matches;
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i] is T match)
                return match;
        }
        return null;
    }

    /// <inheritdoc cref="Text"/>
    public override string ToString() => Text;

    private static T? Unpack<T>(Negatable<T>? value, int negatedBit, ref int bits)
        where T : class
    {
        if (value is not { } v)
            return null;
        if (v.IsNegated)
            bits |= negatedBit;
        return v.Value;
    }

    private Negatable<T>? Pack<T>(T? value, int negatedBit)
        where T : class => value is null ? null : new Negatable<T>(value, (flags & negatedBit) != 0);
}
