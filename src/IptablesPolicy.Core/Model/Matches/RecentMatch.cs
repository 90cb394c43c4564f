using System.Globalization;
using System.Net;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>
/// <c>-m recent</c>: a named list of recently seen addresses. The rule adds the packet's address
/// (<c>set</c>), tests it (<c>rcheck</c>), tests and refreshes it (<c>update</c>) or removes it (<c>remove</c>).
/// </summary>
public sealed class RecentMatch : Match
{
    private static readonly string[] Modes = ["set", "rcheck", "update", "remove"];

    internal RecentMatch(IReadOnlyList<ExtensionOption> options)
        : base("recent", options, isKnown: true)
    {
    }

    /// <summary>The list's name (<c>DEFAULT</c> when the rule names none).</summary>
    public string ListName => Option("--name")?.Value ?? "DEFAULT";

    /// <summary><c>set</c>, <c>rcheck</c>, <c>update</c> or <c>remove</c>.</summary>
    public string Mode => Array.Find(Modes, m => Option("--" + m) is not null) ?? string.Empty;

    /// <summary>True when the rule matches where the operation does not (<c>! --rcheck</c>).</summary>
    public bool IsNegated => Option("--" + Mode)?.IsNegated ?? false;

    /// <summary>Only addresses seen within this many seconds count; null when any age does.</summary>
    public uint? Seconds => Number("--seconds");

    /// <summary>Only addresses seen at least this many times count; null when once is enough.</summary>
    public uint? HitCount => Number("--hitcount");

    /// <summary><c>--reap</c>: entries older than <see cref="Seconds"/> are purged.</summary>
    public bool Reaps => Option("--reap") is not null;

    /// <summary><c>--rttl</c>: the packet's TTL must also equal the one recorded.</summary>
    public bool MatchesTtl => Option("--rttl") is not null;

    /// <summary>True when the list holds destination addresses (<c>--rdest</c>); false for source addresses.</summary>
    public bool TracksDestination => Option("--rdest") is not null;

    /// <summary>The mask applied to addresses before they are recorded or looked up.</summary>
    public IPAddress Mask => Option("--mask")?.Value is { } text && IPAddress.TryParse(text, out var mask) ? mask : IPAddress.Broadcast;

    private uint? Number(string option) => Option(option)?.Value is { } text ? uint.Parse(text, CultureInfo.InvariantCulture) : null;
}
