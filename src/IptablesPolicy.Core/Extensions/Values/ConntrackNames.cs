using IptablesPolicy.Core.Model.Matches;

namespace IptablesPolicy.Core.Extensions.Values;

/// <summary>
/// The state and status names of the conntrack and state matches (libxt_conntrack.c): read as a comma
/// list in any case, where a name may be abbreviated (<c>strncasecmp</c> over the typed length, first
/// match wins), and saved in the kernel's bit order.
/// </summary>
internal static class ConntrackNames
{
    // The order parse_state tries names in (which decides what an abbreviation means).
    private static readonly (string Name, ConnectionStates State)[] ParseOrder =
    [
        ("INVALID", ConnectionStates.Invalid), ("NEW", ConnectionStates.New), ("ESTABLISHED", ConnectionStates.Established),
        ("RELATED", ConnectionStates.Related), ("UNTRACKED", ConnectionStates.Untracked), ("SNAT", ConnectionStates.Snat),
        ("DNAT", ConnectionStates.Dnat),
    ];

    // The order print_state writes names in.
    private static readonly (string Name, ConnectionStates State)[] SaveOrder =
    [
        ("INVALID", ConnectionStates.Invalid), ("NEW", ConnectionStates.New), ("RELATED", ConnectionStates.Related),
        ("ESTABLISHED", ConnectionStates.Established), ("UNTRACKED", ConnectionStates.Untracked), ("SNAT", ConnectionStates.Snat),
        ("DNAT", ConnectionStates.Dnat),
    ];

    private static readonly (string Name, ConnectionStatus Status)[] StatusParseOrder =
    [
        ("NONE", ConnectionStatus.None), ("EXPECTED", ConnectionStatus.Expected), ("SEEN_REPLY", ConnectionStatus.SeenReply),
        ("ASSURED", ConnectionStatus.Assured), ("CONFIRMED", ConnectionStatus.Confirmed),
    ];

    private static readonly (string Name, ConnectionStatus Status)[] StatusSaveOrder =
    [
        ("EXPECTED", ConnectionStatus.Expected), ("SEEN_REPLY", ConnectionStatus.SeenReply),
        ("ASSURED", ConnectionStatus.Assured), ("CONFIRMED", ConnectionStatus.Confirmed),
    ];

    /// <summary>Parses a state list; <paramref name="natStates"/> allows SNAT and DNAT (conntrack, not state).</summary>
    public static ConnectionStates? ParseStates(string text, bool natStates, string option, ExtensionContext context)
    {
        var states = ConnectionStates.None;
        foreach (var part in text.Split(','))
        {
            var found = part.Length == 0 ? null : Find(ParseOrder, part, natStates);
            if (found is not { } state)
            {
                var names = natStates ? "INVALID, NEW, ESTABLISHED, RELATED, UNTRACKED, SNAT, DNAT" : "INVALID, NEW, ESTABLISHED, RELATED, UNTRACKED";
                context.Fail($"bad {option} '{text}': expected a comma list without spaces of {names}");
                return null;
            }
            states |= state;
        }
        return states;
    }

    /// <summary>Parses a status list.</summary>
    public static ConnectionStatus? ParseStatus(string text, ExtensionContext context)
    {
        var status = ConnectionStatus.None;
        foreach (var part in text.Split(','))
        {
            var index = part.Length == 0 ? -1 : Array.FindIndex(StatusParseOrder, s => Abbreviates(part, s.Name));
            if (index < 0)
            {
                context.Fail($"bad --ctstatus '{text}': expected a comma list without spaces of NONE, EXPECTED, SEEN_REPLY, ASSURED, CONFIRMED");
                return null;
            }
            status |= StatusParseOrder[index].Status;
        }
        return status;
    }

    /// <summary>Renders states as print_state does: <c>NEW,RELATED,ESTABLISHED</c>.</summary>
    public static string Render(ConnectionStates states) =>
        string.Join(',', SaveOrder.Where(s => (states & s.State) != 0).Select(s => s.Name));

    /// <summary>Renders a status as print_status does; <c>NONE</c> for no bit.</summary>
    public static string Render(ConnectionStatus status) => status == ConnectionStatus.None
        ? "NONE"
        : string.Join(',', StatusSaveOrder.Where(s => (status & s.Status) != 0).Select(s => s.Name));

    /// <summary>Reads rendered states back (exact names).</summary>
    public static ConnectionStates ReadStates(string? text) =>
        text is null ? ConnectionStates.None : text.Split(',').Aggregate(ConnectionStates.None, (all, name) => all | SaveOrder.FirstOrDefault(s => s.Name == name).State);

    /// <summary>Reads a rendered status back (exact names).</summary>
    public static ConnectionStatus ReadStatus(string? text) =>
        text is null ? ConnectionStatus.None : text.Split(',').Aggregate(ConnectionStatus.None, (all, name) => all | StatusParseOrder.FirstOrDefault(s => s.Name == name).Status);

    private static ConnectionStates? Find((string Name, ConnectionStates State)[] names, string part, bool natStates)
    {
        foreach (var (name, state) in names)
        {
            if (!natStates && state is ConnectionStates.Snat or ConnectionStates.Dnat)
                continue;
            if (Abbreviates(part, name))
                return state;
        }
        return null;
    }

    // strncasecmp(typed, NAME, strlen(typed)) == 0: the typed text is a case-insensitive prefix of the name.
    private static bool Abbreviates(string typed, string name) =>
        typed.Length <= name.Length && name.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
}
