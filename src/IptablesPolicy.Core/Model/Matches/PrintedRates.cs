using System.Globalization;

namespace IptablesPolicy.Core.Model.Matches;

/// <summary>Reads the packet rates limit and hashlimit print (<c>3/hour</c>, <c>10/sec</c>).</summary>
internal static class PrintedRates
{
    private static readonly (string Name, double Seconds)[] Units = [("day", 86400), ("hour", 3600), ("min", 60), ("sec", 1)];

    /// <summary>Packets per second for a printed rate; null when the text is not one (a byte rate).</summary>
    public static double? PerSecond(string? text)
    {
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0)
            return null;
        var unit = Array.Find(Units, u => u.Name == text[(slash + 1)..]);
        return unit.Name is null || !double.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? null
            : count / unit.Seconds;
    }
}
