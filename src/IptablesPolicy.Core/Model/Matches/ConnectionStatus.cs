namespace IptablesPolicy.Core.Model.Matches;

/// <summary>The connection tracking status bits <c>--ctstatus</c> tests; <see cref="None"/> means none of them is set.</summary>
[Flags]
public enum ConnectionStatus
{
    /// <summary><c>NONE</c>: no status bit.</summary>
    None = 0,

    /// <summary><c>EXPECTED</c>: the connection was expected by a helper.</summary>
    Expected = 1,

    /// <summary><c>SEEN_REPLY</c>: packets were seen in both directions.</summary>
    SeenReply = 2,

    /// <summary><c>ASSURED</c>: the connection will not be dropped early.</summary>
    Assured = 4,

    /// <summary><c>CONFIRMED</c>: the connection left the box or reached it.</summary>
    Confirmed = 8,
}
