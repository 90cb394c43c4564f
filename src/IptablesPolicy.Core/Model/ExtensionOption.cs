namespace IptablesPolicy.Core.Model;

/// <summary>
/// One option of a match or target extension, in the order the rule has it: <c>! --dport 22</c> is the
/// option <c>--dport</c> with the value <c>22</c>, negated.
/// </summary>
public sealed class ExtensionOption
{
    /// <summary>Creates an option.</summary>
    /// <param name="name">The option's name with its dashes, in canonical form (<c>--dport</c>, not <c>--destination-port</c>).</param>
    /// <param name="values">The option's arguments, unquoted; empty for a flag such as <c>--syn</c>.</param>
    /// <param name="isNegated">True when <c>!</c> precedes the option.</param>
    /// <param name="isQuoted">True when iptables-save quotes the value (comments, log prefixes).</param>
    public ExtensionOption(string name, IReadOnlyList<string> values, bool isNegated = false, bool isQuoted = false)
        : this(name, values, isNegated, isQuoted ? ValueQuoting.WhenNeeded : ValueQuoting.None)
    {
    }

    /// <summary>Creates an option whose values are written with the given quoting.</summary>
    /// <param name="name">The option's name with its dashes, in canonical form.</param>
    /// <param name="values">The option's arguments, unquoted.</param>
    /// <param name="isNegated">True when <c>!</c> precedes the option.</param>
    /// <param name="quoting">How iptables-save writes the values.</param>
    public ExtensionOption(string name, IReadOnlyList<string> values, bool isNegated, ValueQuoting quoting)
    {
        Name = name;
        Values = values;
        IsNegated = isNegated;
        Quoting = quoting;
    }

    /// <summary>The option's name with its dashes (<c>--dport</c>).</summary>
    public string Name { get; }

    /// <summary>The option's arguments, unquoted and in canonical form.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The first argument, or null for a flag.</summary>
    public string? Value => Values.Count > 0 ? Values[0] : null;

    /// <summary>True when <c>!</c> precedes the option.</summary>
    public bool IsNegated { get; }

    /// <summary>True when iptables-save quotes the values (always, or when they need it).</summary>
    public bool IsQuoted => Quoting != ValueQuoting.None;

    /// <summary>How iptables-save writes the values.</summary>
    public ValueQuoting Quoting { get; }

    /// <summary>Renders the option as iptables-save prints it, without a leading space.</summary>
    public override string ToString() => Rendering.SaveFormatWriter.RenderOption(this);
}
