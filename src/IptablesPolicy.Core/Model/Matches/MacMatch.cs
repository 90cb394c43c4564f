using System.Net.NetworkInformation;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m mac --mac-source ADDRESS</c>: the Ethernet source address of arriving packets.</summary>
public sealed class MacMatch : Match
{
    internal MacMatch(IReadOnlyList<ExtensionOption> options)
        : base("mac", options, isKnown: true)
    {
    }

    /// <summary>The source address as iptables-save prints it (<c>00:11:22:33:44:55</c>), negated when the rule uses <c>!</c>.</summary>
    public Negatable<string> SourceText => Option("--mac-source") is { Value: { } text } o ? new(text, o.IsNegated) : new(string.Empty, false);

    /// <summary>The source address the packet must (or, negated, must not) come from.</summary>
    public Negatable<PhysicalAddress> Source => new(PhysicalAddress.Parse(SourceText.Value), SourceText.IsNegated);
}
