namespace IptablesPolicy.Core.Model;

/// <summary>
/// What a rule does to a matching packet: a verdict, a jump or goto to a chain, or a target extension
/// with its options. Known extensions are also available as typed subclasses
/// (for example <see cref="Targets.RejectTarget"/>); unknown ones keep their exact option text.
/// </summary>
public class Target
{
    /// <summary>The built-in verdicts, which are not chains and have no options.</summary>
    public static readonly IReadOnlySet<string> Verdicts = new HashSet<string>(StringComparer.Ordinal)
    {
        "ACCEPT", "DROP", "RETURN", "QUEUE",
    };

    /// <summary>Creates a target.</summary>
    /// <param name="kind">What the target does.</param>
    /// <param name="name">The verdict, chain or extension name.</param>
    /// <param name="options">The extension's options in canonical order; empty otherwise.</param>
    /// <param name="isKnown">True when the project knows the extension's options (always true for verdicts and chains).</param>
    public Target(TargetKind kind, string name, IReadOnlyList<ExtensionOption> options, bool isKnown)
    {
        Kind = kind;
        Name = name;
        Options = options;
        IsKnown = isKnown;
    }

    /// <summary>What the target does.</summary>
    public TargetKind Kind { get; }

    /// <summary>The verdict, chain or extension name (<c>ACCEPT</c>, <c>KUBE-SVC-X</c>, <c>DNAT</c>).</summary>
    public string Name { get; }

    /// <summary>The extension's options, in the order iptables-save prints them.</summary>
    public IReadOnlyList<ExtensionOption> Options { get; }

    /// <summary>True when the project knows the extension; false when it was kept as text only.</summary>
    public bool IsKnown { get; }

    /// <summary>The first option of that name (<c>--to-destination</c>), or null.</summary>
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

    /// <summary>Renders the target as iptables-save prints it: <c>-j DNAT --to-destination 10.0.0.1:80</c>.</summary>
    public override string ToString() => Rendering.SaveFormatWriter.RenderTarget(this);
}
