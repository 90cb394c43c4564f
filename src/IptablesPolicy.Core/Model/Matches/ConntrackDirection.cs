namespace IptablesPolicy.Core.Model.Matches;

/// <summary>The direction of a packet within its connection (<c>--ctdir</c>).</summary>
public enum ConntrackDirection
{
    /// <summary><c>ORIGINAL</c>: from the side that opened the connection.</summary>
    Original,

    /// <summary><c>REPLY</c>: towards the side that opened the connection.</summary>
    Reply,
}
