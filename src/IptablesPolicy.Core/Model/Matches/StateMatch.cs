using IptablesPolicy.Core.Extensions.Values;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary><c>-m state --state LIST</c>: the older spelling of <c>-m conntrack --ctstate</c>.</summary>
public sealed class StateMatch : Match
{
    internal StateMatch(IReadOnlyList<ExtensionOption> options)
        : base("state", options, isKnown: true)
    {
    }

    /// <summary>The states the packet's connection must be in; any one of them matches.</summary>
    public Negatable<ConnectionStates> States =>
        Option("--state") is { } o ? new(ConntrackNames.ReadStates(o.Value), o.IsNegated) : new(ConnectionStates.None, false);
}
