namespace IptablesPolicy.Core.Model;

/// <summary>
/// A match extension of a rule (<c>-m tcp --dport 22</c>): its module name and its options in the order
/// iptables-save prints them. Known modules are also available as typed subclasses
/// (for example <see cref="Matches.PortMatch"/>); unknown modules are kept with their exact option text.
/// </summary>
public class Match
{
    /// <summary>Creates a match.</summary>
    /// <param name="name">The module name as <c>-m</c> names it (<c>tcp</c>, <c>conntrack</c>).</param>
    /// <param name="options">The options in canonical order.</param>
    /// <param name="isKnown">True when the project knows the module's options.</param>
    public Match(string name, IReadOnlyList<ExtensionOption> options, bool isKnown)
    {
        Name = name;
        Options = options;
        IsKnown = isKnown;
    }

    /// <summary>The module name (<c>tcp</c>, <c>comment</c>, <c>conntrack</c>).</summary>
    public string Name { get; }

    /// <summary>The options, in the order iptables-save prints them.</summary>
    public IReadOnlyList<ExtensionOption> Options { get; }

    /// <summary>True when the project knows this module; false when it was kept as text only.</summary>
    public bool IsKnown { get; }

    /// <summary>The first option of that name (<c>--dport</c>), or null.</summary>
    public ExtensionOption? Option(string name)
    {
        // Indexed: a foreach over the interface would allocate an enumerator on each of a policy's many calls.
        var options = Options;
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].Name == name)
                return options[i];
        }
        return null;
    }

    /// <summary>Renders the match as iptables-save prints it: <c>-m tcp --dport 22</c>.</summary>
    public override string ToString() => Rendering.SaveFormatWriter.RenderMatch(this);
}
