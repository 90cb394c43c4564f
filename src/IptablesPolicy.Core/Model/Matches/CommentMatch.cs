namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m comment --comment TEXT</c>: a note on the rule that matches every packet. kube-proxy writes the service name here.</summary>
public sealed class CommentMatch : Match
{
    internal CommentMatch(IReadOnlyList<ExtensionOption> options)
        : base("comment", options, isKnown: true)
    {
    }

    /// <summary>The comment text, unquoted.</summary>
    public string Text => Option("--comment")?.Value ?? string.Empty;
}
