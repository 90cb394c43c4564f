using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Views.Effective;

/// <summary>
/// The connection tracking states a rule matches, from <c>-m conntrack --ctstate</c> and
/// <c>-m state --state</c> with their negations. A packet is in exactly one of the five base states
/// (<c>INVALID</c>, <c>NEW</c>, <c>RELATED</c>, <c>ESTABLISHED</c>, <c>UNTRACKED</c>); conntrack's
/// <c>SNAT</c> and <c>DNAT</c> are flags on top of those and are not held here. Immutable; compares by value.
/// </summary>
public sealed class ConnectionStateSet : IEquatable<ConnectionStateSet>
{
    /// <summary>The five states a packet can be in.</summary>
    public const ConnectionStates BaseStates =
        ConnectionStates.Invalid | ConnectionStates.New | ConnectionStates.Related | ConnectionStates.Established | ConnectionStates.Untracked;

    private static readonly (ConnectionStates State, string Name)[] Names =
    [
        (ConnectionStates.Invalid, "INVALID"), (ConnectionStates.New, "NEW"), (ConnectionStates.Related, "RELATED"),
        (ConnectionStates.Established, "ESTABLISHED"), (ConnectionStates.Untracked, "UNTRACKED"),
    ];

    private ConnectionStateSet(ConnectionStates states) => States = states & BaseStates;

    /// <summary>Every state: what a rule without a state test matches.</summary>
    public static ConnectionStateSet Any { get; } = new(BaseStates);

    /// <summary>No state at all.</summary>
    public static ConnectionStateSet None { get; } = new(ConnectionStates.None);

    /// <summary>The set of the given base states (<c>ConnectionStates.Related | ConnectionStates.Established</c>); <c>SNAT</c> and <c>DNAT</c> are ignored.</summary>
    public static ConnectionStateSet Of(ConnectionStates states) => new(states);

    /// <summary>The base states in the set, as flags.</summary>
    public ConnectionStates States { get; }

    /// <summary>True when every state is in the set: the rule does not restrict the state.</summary>
    public bool IsAny => States == BaseStates;

    /// <summary>True when no state is in the set: the rule matches no packet.</summary>
    public bool IsEmpty => States == ConnectionStates.None;

    /// <summary>True when every base state of <paramref name="state"/> (usually one) is in the set.</summary>
    public bool Contains(ConnectionStates state) => (state & BaseStates) != ConnectionStates.None && (States & state & BaseStates) == (state & BaseStates);

    /// <summary>True when every state of this set is also in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(ConnectionStateSet other) => (States & ~other.States) == ConnectionStates.None;

    /// <summary>The states in both sets.</summary>
    public ConnectionStateSet Intersect(ConnectionStateSet other) => new(States & other.States);

    /// <summary>The states not in this set.</summary>
    public ConnectionStateSet Complement() => new(BaseStates & ~States);

    /// <inheritdoc/>
    public bool Equals(ConnectionStateSet? other) => other is not null && States == other.States;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConnectionStateSet);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)States;

    /// <summary>Renders the set as iptables-save lists states: <c>RELATED,ESTABLISHED</c>, <c>any</c> or <c>none</c>.</summary>
    public override string ToString() => IsAny ? "any" : IsEmpty ? "none"
        : string.Join(",", Names.Where(n => (States & n.State) != 0).Select(n => n.Name));
}
