using IptablesPolicy.Core.Model;
using IptablesPolicy.Sdk;

namespace IptablesPolicy.Engine.Results;

/// <summary>
/// A diagnostic a policy reported, resolved to the exact place in a snapshot file and to the severity it has
/// in this run: what reporters write.
/// </summary>
public sealed class Finding
{
    internal Finding(Diagnostic diagnostic, PolicyDescriptor descriptor, Severity severity, string policyPath, Snapshot snapshot)
    {
        Diagnostic = diagnostic;
        Descriptor = descriptor;
        Severity = severity;
        PolicyPath = policyPath;
        Snapshot = snapshot;
        Span = diagnostic.Location.Span.Path.Length == 0 ? diagnostic.Location.Span with { Path = snapshot.Path } : diagnostic.Location.Span;
    }

    /// <summary>What the policy reported.</summary>
    public Diagnostic Diagnostic { get; }

    /// <summary>The descriptor as the policy declares it (with help read from its file).</summary>
    public PolicyDescriptor Descriptor { get; }

    /// <summary>The descriptor's id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The severity in this run.</summary>
    public Severity Severity { get; }

    /// <summary>The message.</summary>
    public string Message => Diagnostic.Message;

    /// <summary>The policy that reported it, as output shows its path.</summary>
    public string PolicyPath { get; }

    /// <summary>The snapshot it was found in.</summary>
    public Snapshot Snapshot { get; }

    /// <summary>File, line and columns.</summary>
    public SourceSpan Span { get; }

    /// <summary>The rule, when the finding is at a rule.</summary>
    public Rule? Rule => Diagnostic.Location.Rule;

    /// <summary>The rule's canonical text (as <c>iptables-save</c> prints it, without counters); null when not at a rule.</summary>
    public string? RuleText => Rule?.Text;

    /// <summary>The stable identity across runs (see <see cref="Fingerprints"/>): <c>hash:occurrence</c>.</summary>
    public string Fingerprint { get; internal set; } = "";

    /// <summary>Why the finding is suppressed; null when it is not.</summary>
    public Suppression? Suppression { get; internal set; }

    /// <summary>How it compares with the baseline; null when the run has no baseline.</summary>
    public BaselineState? BaselineState { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Span.Path}:{Span.Line}:{Span.StartColumn}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
