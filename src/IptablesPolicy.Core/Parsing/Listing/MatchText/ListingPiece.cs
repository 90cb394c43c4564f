namespace IptablesPolicy.Core.Parsing.Listing.MatchText;

/// <summary>One argument a translated piece of match text gives, and whether iptables-save quotes it.</summary>
internal readonly record struct ListingArgument(string Text, bool Quoted = false)
{
    public static implicit operator ListingArgument(string text) => new(text);
}

/// <summary>
/// What one piece of a listing's match column means as iptables arguments: a match (<c>-m tcp --dport 22</c>,
/// <see cref="Module"/> set) or the target's options (<c>--reject-with tcp-reset</c>, <see cref="Module"/> null).
/// <see cref="Warning"/> says what the listing could not show (a hashlimit's name, a user name).
/// </summary>
internal sealed record ListingPiece(string? Module, IReadOnlyList<ListingArgument> Arguments, string? Warning = null)
{
    /// <summary>
    /// True when the listing leaves out an option the extension requires (a hashlimit's name): the match is
    /// then kept as shown, unknown, instead of being checked as a complete rule would be.
    /// </summary>
    public bool IsIncomplete { get; init; }

    /// <summary>
    /// The target iptables-save names when the listing's target column says another: <c>-j NOTRACK</c> is
    /// listed as target CT with the text NOTRACK.
    /// </summary>
    public string? RenamedTarget { get; init; }

    /// <summary>A match piece: <c>-m MODULE</c> followed by the arguments.</summary>
    public static ListingPiece Match(string module, params ListingArgument[] arguments) => new(module, arguments);

    /// <summary>Options of the rule's target.</summary>
    public static ListingPiece TargetOptions(params ListingArgument[] arguments) => new(null, arguments);

    /// <summary>The same piece with a warning about what the listing did not show.</summary>
    public ListingPiece WithWarning(string warning) => this with { Warning = warning };
}
